package com.swanstudios.social.moderation;

import com.swanstudios.social.post.PostRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's report of a post. */
@Schema(name = "NewReport")
public record NewReport(
        @NotNull @Size(min = 1, max = 500) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        @Schema(description = "What is wrong with the post, for the moderators") String reason) {
}
