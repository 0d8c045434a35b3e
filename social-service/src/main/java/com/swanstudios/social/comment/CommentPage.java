package com.swanstudios.social.comment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a post's comments, oldest first. */
@Schema(name = "CommentPage")
public record CommentPage(List<CommentView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
