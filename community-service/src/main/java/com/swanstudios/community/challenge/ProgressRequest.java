package com.swanstudios.community.challenge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A progress report: how much, and a key that makes a repeated report count once. The amount is read as a decimal so
 * that a fraction is refused (as a long, JSON reading would quietly drop it) rather than counted as less.
 */
@Schema(name = "ProgressReport")
public record ProgressRequest(
        @NotNull @DecimalMin("1") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 0, message = "must be a whole number")
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "1000000000",
                description = "In the challenge's unit, a whole number") BigDecimal amount,
        @NotNull @Pattern(regexp = ChallengeRules.KEY, message = "must be 1 to 64 letters, digits or . _ : -")
        @Schema(description = "Chosen by the client per report; a report repeated with the same key counts once")
        String idempotencyKey) {

    long units() {
        return amount.longValueExact();
    }
}
