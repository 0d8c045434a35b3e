package com.swanstudios.social.share;

import com.swanstudios.social.post.PostRules;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A share of a post, with the sharer's optional comment. */
@Schema(name = "NewShare")
public record NewShare(
        @Size(min = 1, max = PostRules.MAX_SHARE_COMMENT) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true, description = "What the sharer says about it") String comment) {
}
