package com.swanstudios.community.challenge;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a challenge's leaderboard, and the caller's own place on it. */
@Schema(name = "Leaderboard")
public record LeaderboardView(List<Entry> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor,
        @Schema(nullable = true, description = "Your place (your team's, in a team challenge), wherever it is; null if "
                + "you do not take part") Entry me) {

    /** A participant (a team, in a team challenge) and its rank. */
    @Schema(name = "LeaderboardEntry")
    public record Entry(@Schema(description = "1 is first; equal points rank by who reached them first") long rank,
            @Schema(description = "The user's id (the team's, in a team challenge)") UUID id,
            String name, long points) {
    }
}
