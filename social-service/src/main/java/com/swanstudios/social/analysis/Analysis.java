package com.swanstudios.social.analysis;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an analyser made of a text: a score from 0 to 100 and the reasons for it (none when it found nothing). */
public record Analysis(int score, List<Reason> reasons, String analyser) {

    public static final int MAX_SCORE = 100;

    /** One thing an analyser found, worth some points of the score. */
    @Schema(name = "AnalysisReason")
    public record Reason(
            @Schema(description = "What was found: blocklist, links, repeated-links, duplicate, burst (built-in), or an "
                    + "external analyser's own names") String signal,
            @Schema(description = "What it added to the score") int points,
            @Schema(description = "For the moderator, e.g. the blocklisted term") String detail) {
    }

    /** The reasons' points added up, at most {@value #MAX_SCORE}. */
    public static Analysis of(String analyser, List<Reason> reasons) {
        int sum = reasons.stream().mapToInt(Reason::points).sum();
        return new Analysis(Math.max(0, Math.min(MAX_SCORE, sum)), List.copyOf(reasons), analyser);
    }
}
