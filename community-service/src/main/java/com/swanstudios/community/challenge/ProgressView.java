package com.swanstudios.community.challenge;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a progress report did, and where the participant stands after it. */
@Schema(name = "ProgressOutcome")
public record ProgressView(
        @Schema(description = "What this report added (less than its amount at the goal)") long counted,
        @Schema(description = "Whether this key was reported before: then nothing was added again") boolean repeated,
        long progress, long points,
        @Schema(nullable = true, description = "When the goal was reached") OffsetDateTime completedAt) {
}
