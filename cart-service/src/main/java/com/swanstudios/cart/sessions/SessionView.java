package com.swanstudios.cart.sessions;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training session as the API shows it to its client, its trainer and admins. */
@Schema(name = "TrainingSession")
public record SessionView(UUID id, UUID slotId, UUID trainerId, UUID clientId, OffsetDateTime startsAt, int durationMinutes,
        @Schema(description = "scheduled, confirmed, completed, no_show or cancelled") String status,
        @Schema(description = "Whether its credit was given back (a cancellation 24 hours or more ahead, or by the trainer "
                + "or an admin)") boolean refunded,
        @Schema(nullable = true) OffsetDateTime cancelledAt,
        @Schema(nullable = true) String cancelReason,
        long version) {

    static SessionView of(TrainingSession session) {
        return new SessionView(session.id, session.slotId, session.trainerId, session.clientId, session.startsAt,
                (int) Duration.between(session.startsAt, session.endsAt).toMinutes(), session.status, session.refunded,
                session.cancelledAt, session.cancelReason, session.version);
    }
}
