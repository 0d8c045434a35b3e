package com.swanstudios.social.post;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a workout post reports; the bounds are the schema's CHECKs too. */
@Schema(name = "WorkoutSummary", description = "The workout a workout post reports")
public record WorkoutSummary(
        @NotBlank @Size(max = 100) @Schema(description = "What was trained, e.g. \"Back squat\"") String exercise,
        @Min(1) @Max(100) @Schema(nullable = true) Integer sets,
        @Min(1) @Max(1000) @Schema(nullable = true, description = "Repetitions per set") Integer reps,
        @Min(1) @Max(1440) @Schema(nullable = true) Integer durationMinutes,
        @Min(0) @Max(20000) @Schema(nullable = true, description = "Energy burned, in kilocalories") Integer calories) {
}
