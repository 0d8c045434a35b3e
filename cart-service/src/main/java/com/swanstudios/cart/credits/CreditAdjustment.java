package com.swanstudios.cart.credits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's correction of a user's balance. */
public record CreditAdjustment(@NotNull UUID userId,
        @Schema(description = "Credits to add; negative to take away; never 0") @NotNull @Min(-1000) @Max(1000) Integer amount,
        @Schema(description = "Why, for the ledger and its audit") @NotBlank @Size(max = 500) String reason) {
}
