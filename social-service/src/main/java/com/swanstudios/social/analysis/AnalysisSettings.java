package com.swanstudios.social.analysis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How content is judged ({@code swan.analysis.*}, each also settable as {@code SWAN_ANALYSIS_...} in the environment).
 * Points add up to a score out of 100; {@link #threshold()} and above goes to the moderation queue. The defaults make
 * one blocklisted term, or a burst, enough on its own; a duplicate or a few links alone are not, together they are.
 */
@ConfigMapping(prefix = "swan.analysis")
public interface AnalysisSettings {

    /** The {@link ContentAnalyser#name()} that scores content. */
    @WithDefault(BuiltInAnalyser.NAME)
    String analyser();

    /** The score (0 to 100) at which a post or comment goes to the moderation queue. */
    @WithDefault("50")
    int threshold();

    /** Classpath resource of the blocklist: one term or phrase a line, {@code #} comments. */
    @WithDefault("analysis/blocklist.txt")
    String blocklist();

    /** Per distinct blocklisted term found. */
    @WithDefault("60")
    int blocklistPoints();

    /** Distinct links a text may carry before each further one costs {@link #extraLinkPoints()}. */
    @WithDefault("3")
    int maxLinks();

    @WithDefault("15")
    int extraLinkPoints();

    /** When one link appears more than once in a text. */
    @WithDefault("30")
    int repeatedLinkPoints();

    /** How far back an identical text by the same author counts as a duplicate. */
    @WithDefault("24H")
    Duration duplicateWindow();

    /** For the first duplicate; each further one adds half as much again. */
    @WithDefault("40")
    int duplicatePoints();

    /** The window in which an author's posts (or comments) are counted for a burst. */
    @WithDefault("10M")
    Duration burstWindow();

    /** How many posts (or comments) in the window are still no burst; one more is. */
    @WithDefault("20")
    int burstSize();

    @WithDefault("60")
    int burstPoints();
}
