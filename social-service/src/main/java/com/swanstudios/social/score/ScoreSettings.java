package com.swanstudios.social.score;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How interaction scores are kept ({@code swan.interaction.*}, or {@code SWAN_INTERACTION_...} in the environment).
 * The weights rank the effort an interaction takes: a reaction is a tap, a comment or a mention is written, a share
 * puts one's name to another's post.
 */
@ConfigMapping(prefix = "swan.interaction")
public interface ScoreSettings {

    /** After this long an interaction counts half, after twice this long a quarter, and so on. */
    @WithDefault("30D")
    Duration halfLife();

    @WithDefault("1")
    double reaction();

    @WithDefault("2")
    double comment();

    @WithDefault("3")
    double share();

    @WithDefault("2")
    double mention();
}
