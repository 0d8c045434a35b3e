package com.swanstudios.community.challenge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A challenge, with its status as of now. */
@Schema(name = "Challenge")
public record ChallengeView(UUID id, UUID communityId,
        @Schema(nullable = true, description = "Null once the creator's account was deleted") UUID createdBy,
        String title, String description,
        @Schema(enumeration = {"individual", "team", "global"}) String type,
        long goal,
        @Schema(enumeration = {"reps", "km", "miles", "minutes", "hours", "sessions", "steps", "calories", "kg"}) String unit,
        int pointsPerUnit, int completionBonus, OffsetDateTime startsAt, OffsetDateTime endsAt,
        @Schema(enumeration = {"upcoming", "active", "completed", "cancelled"}, description = "Follows the dates")
        String status,
        OffsetDateTime createdAt) {

    static ChallengeView of(Challenge c, OffsetDateTime now) {
        return new ChallengeView(c.id, c.communityId, c.createdBy, c.title, c.description, c.type, c.goal, c.unit,
                c.pointsPerUnit, c.completionBonus, c.startsAt, c.endsAt, ChallengeRules.status(c, now), c.createdAt);
    }

    /** One page of challenges, newest first. */
    @Schema(name = "ChallengePage")
    public record Page(List<ChallengeView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }
}
