package com.swanstudios.social.moderation;

import com.swanstudios.social.analysis.AnalysisView;
import com.swanstudios.social.comment.CommentView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the comment queue, the longest waiting first. */
@Schema(name = "CommentQueuePage")
public record CommentQueuePage(List<Item> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {

    /** A comment content analysis scored at or above the threshold, with why. */
    @Schema(name = "CommentQueueItem")
    public record Item(CommentView comment, AnalysisView analysis) {
    }
}
