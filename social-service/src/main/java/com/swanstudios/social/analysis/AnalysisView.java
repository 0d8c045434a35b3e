package com.swanstudios.social.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What content analysis made of a post or comment, as moderators read it. */
@Schema(name = "ContentAnalysis")
public record AnalysisView(
        @Schema(description = "0 (nothing found) to 100; at or above the service's threshold it went to the moderation queue")
        int score,
        @Schema(description = "What the score is made of; empty when nothing was found") List<Analysis.Reason> reasons,
        @Schema(description = "Which analyser gave the score, e.g. built-in") String analyser,
        @Schema(description = "When the text was last analysed (at publishing, then at each edit)") OffsetDateTime analysedAt) {
}
