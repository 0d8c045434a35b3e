package com.swanstudios.social.recommendation;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member worth connecting with, with what ranks them. */
@Schema(name = "Recommendation")
public record Recommendation(UUID id, String username, String displayName,
        @Schema(nullable = true) String avatarUrl,
        @Schema(description = "Whether they are a trainer (a trainer_client connection is possible with them)") boolean trainer,
        @Schema(description = "What ranks them: the higher, the better the match") double score,
        Reasons reasons) {

    /** What the score is made of. */
    @Schema(name = "RecommendationReasons")
    public record Reasons(
            @Schema(description = "Your interaction score with them (reactions, comments, shares, mentions either way, "
                    + "decaying with time)") double interaction,
            @Schema(description = "Hashtags you both use (theirs read from their public posts)") int sharedHashtags,
            @Schema(description = "Exercises you both post workouts of (theirs read from their public posts)")
            int sharedWorkoutTypes,
            @Schema(description = "Communities you are both members of") int sharedCommunities,
            @Schema(description = "How many of the people you follow or are friends with follow them")
            int followedByYourConnections) {
    }
}
