package com.swanstudios.social.comment;

import com.swanstudios.social.post.PostRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment's new text. */
@Schema(name = "CommentChange")
public record CommentChange(
        @NotNull @Size(min = 1, max = CommentRules.MAX_CONTENT) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        String content) {
}
