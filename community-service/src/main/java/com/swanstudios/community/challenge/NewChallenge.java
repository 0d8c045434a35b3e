package com.swanstudios.community.challenge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A challenge to create inside a community. */
@Schema(name = "NewChallenge")
public record NewChallenge(
        @NotNull @Size(min = 1, max = 120) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String title,
        @Size(max = 2000) @Schema(nullable = true, description = "Empty when left out") String description,
        @NotNull @Pattern(regexp = ChallengeRules.TYPES, message = "must be individual, team or global")
        @Schema(enumeration = {"individual", "team", "global"}) String type,
        @NotNull @Min(1) @Max(ChallengeRules.MAX_GOAL) @Schema(description = "The amount to reach, in the unit") Long goal,
        @NotNull @Pattern(regexp = ChallengeRules.UNITS, message = "must be one of the units")
        @Schema(enumeration = {"reps", "km", "miles", "minutes", "hours", "sessions", "steps", "calories", "kg"}) String unit,
        @NotNull @Min(0) @Max(1000) Integer pointsPerUnit,
        @NotNull @Min(0) @Max(100000) @Schema(description = "Added once the goal is reached") Integer completionBonus,
        @NotNull OffsetDateTime startsAt,
        @NotNull @Schema(description = "After startsAt (at most 366 days) and in the future") OffsetDateTime endsAt) {
}
