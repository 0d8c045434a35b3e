package com.swanstudios.cart.sessions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A slot to publish. */
public record SlotRequest(
        @Schema(description = "In the future, at most a year ahead") @NotNull OffsetDateTime startsAt,
        @Schema(description = "15 to 240 minutes") @NotNull @Min(15) @Max(240) Integer durationMinutes,
        @Schema(description = "A gym, a room, or an online link") @NotBlank @Size(max = 200) String location,
        @Schema(nullable = true, description = "Whose slot (admins only; yours by default)") UUID trainerId) {
}
