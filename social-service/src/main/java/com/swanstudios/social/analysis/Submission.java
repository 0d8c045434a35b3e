package com.swanstudios.social.analysis;

import java.util.UUID;

/**
 * What is analysed: a post's text (a share's comment included) or a comment's, with what {@link ContentReview} knows of
 * its author's recent activity of the same kind.
 *
 * @param recentByAuthor how many posts (or comments) the author wrote within {@code swan.analysis.burst-window},
 *                       this one included
 * @param duplicates     how many of the author's earlier posts (or comments) within
 *                       {@code swan.analysis.duplicate-window} have the same text once normalised (case, spacing,
 *                       punctuation)
 */
public record Submission(Kind kind, UUID id, UUID authorId, String text, int recentByAuthor, int duplicates) {

    public enum Kind {
        POST, COMMENT;

        /** How the reasons name it: "post", "comment". */
        public String noun() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
