package com.swanstudios.social.comment;

import com.swanstudios.social.post.PostRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment on a post, or (with parentId) a reply to one of its comments. */
@Schema(name = "NewComment")
public record NewComment(
        @NotNull @Size(min = 1, max = CommentRules.MAX_CONTENT) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        String content,
        @Schema(nullable = true, description = "The comment of this post replied to; none for a comment on the post")
        UUID parentId) {
}
