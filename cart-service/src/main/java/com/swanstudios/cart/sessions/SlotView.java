package com.swanstudios.cart.sessions;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A slot as the API shows it. */
@Schema(name = "TrainingSlot")
public record SlotView(UUID id, UUID trainerId, @Schema(nullable = true) String trainerName, OffsetDateTime startsAt,
        int durationMinutes, String location, @Schema(description = "open, booked or withdrawn") String status, long version) {

    static SlotView of(TrainingSlot slot, String trainerName) {
        return new SlotView(slot.id, slot.trainerId, trainerName, slot.startsAt, slot.durationMinutes, slot.location, slot.status,
                slot.version);
    }
}
