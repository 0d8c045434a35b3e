package com.swanstudios.social.post;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of posts, newest first. */
@Schema(name = "PostPage")
public record PostPage(List<PostView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
