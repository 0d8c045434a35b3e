package com.swanstudios.community.achievement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An achievement a user earned. */
@Schema(name = "Achievement")
public record AchievementView(
        @Schema(enumeration = {"first_community_joined", "five_communities", "first_challenge_joined",
                "first_challenge_completed", "three_challenges_completed", "ten_challenges_completed"},
                description = "Which achievement; more may be added") String achievement,
        @Schema(enumeration = {"bronze", "silver", "gold", "platinum"}) String tier,
        @Schema(description = "What earned it") String title,
        OffsetDateTime earnedAt) {

    static AchievementView of(Achievement a, OffsetDateTime earnedAt) {
        return new AchievementView(a.value(), a.tier.value(), a.title, earnedAt);
    }

    /** All of a user's achievements (at most one of each: one page, however many there are). */
    @Schema(name = "AchievementList")
    public record Page(UUID userId, List<AchievementView> items) {
    }
}
