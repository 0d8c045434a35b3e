package com.swanstudios.social.engagement;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post's engagement: its counters as {@link PostCounters} keeps them. */
@Schema(name = "Engagement")
public record Engagement(UUID postId, Reactions reactions,
        @Schema(description = "Comments not deleted") int comments,
        @Schema(description = "Shares of it by members") int shares,
        @Schema(description = "Members other than the author who viewed it, each once") long views) {

    /** How many reactions of each kind. */
    @Schema(name = "ReactionCounts")
    public record Reactions(int like, int love, int fire, int strong, int clap) {
    }
}
