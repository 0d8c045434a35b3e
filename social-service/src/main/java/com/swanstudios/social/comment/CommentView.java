package com.swanstudios.social.comment;

import com.swanstudios.social.post.PostView;
import com.swanstudios.social.user.KnownUser;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment as readers see it; a deleted one that holds replies shows without author and content. */
@Schema(name = "Comment")
public record CommentView(UUID id, UUID postId,
        @Schema(nullable = true, description = "The comment replied to; null on a comment on the post") UUID parentId,
        @Schema(description = "0 on a comment on the post, one more per reply level, at most 3") int depth,
        @Schema(nullable = true, description = "Null once deleted") PostView.Author author,
        @Schema(nullable = true, description = "Null once deleted") String content,
        @Schema(description = "Deleted, kept because replies hang on it") boolean deleted,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static CommentView of(Comment c, KnownUser author) {
        return new CommentView(c.id, c.postId, c.parentId, c.depth, c.authorId == null ? null : PostView.Author.of(c.authorId, author),
                c.content, c.deleted(), c.createdAt, c.updatedAt);
    }
}
