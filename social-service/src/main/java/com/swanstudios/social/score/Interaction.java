package com.swanstudios.social.score;

/**
 * What one user did towards another that brings them closer, each worth its weight ({@link ScoreSettings}): a
 * reaction to their post, a comment on it or a reply to their comment, a share of their post, a mention of them.
 */
public enum Interaction {
    REACTION, COMMENT, SHARE, MENTION
}
