package com.swanstudios.community.challenge;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant's standing in a challenge. */
@Schema(name = "Participant")
public record ParticipantView(UUID challengeId, UUID userId,
        @Schema(nullable = true, description = "The team, in a team challenge") UUID teamId,
        @Schema(nullable = true) String teamName,
        long progress, long points,
        @Schema(nullable = true, description = "When the goal was reached") OffsetDateTime completedAt,
        OffsetDateTime joinedAt) {
}
