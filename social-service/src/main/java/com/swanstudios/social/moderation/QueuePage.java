package com.swanstudios.social.moderation;

import com.swanstudios.social.analysis.AnalysisView;
import com.swanstudios.social.post.PostView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the moderation queue, the longest waiting first. */
@Schema(name = "ModerationQueuePage")
public record QueuePage(List<Item> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {

    /** A flagged post, what its reporters said and what content analysis found. */
    @Schema(name = "ModerationQueueItem")
    public record Item(PostView post,
            @Schema(description = "Reports not yet decided on") long openReports,
            @Schema(description = "The open reports' reasons, oldest first, at most 20 (erased reporters' are not kept)")
            List<String> reasons,
            @Schema(nullable = true, description = "What content analysis made of its text (at or above the threshold it "
                    + "flagged the post itself); null for a share without comment, or a post older than content analysis")
            AnalysisView analysis) {
    }
}
