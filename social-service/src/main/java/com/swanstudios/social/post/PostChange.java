package com.swanstudios.social.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An edit of a post: a field left out (or null) stays as it is; a post's type never changes. */
@Schema(name = "PostChange", description = "Fields left out (or null) stay as they are; mediaUrls [] removes every medium")
public record PostChange(
        @Size(min = 1, max = PostRules.MAX_CONTENT) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true) String content,
        @Size(max = PostRules.MAX_MEDIA) @Schema(nullable = true)
        List<@NotNull @Size(max = PostRules.MAX_URL) @Pattern(regexp = PostRules.HTTPS_URL, message = "must be an https URL")
                String> mediaUrls,
        @Valid @Schema(nullable = true) WorkoutSummary workout,
        @Pattern(regexp = PostRules.VISIBILITIES, message = "must be public, followers, friends or private")
        @Schema(nullable = true, enumeration = {"public", "followers", "friends", "private"}) String visibility) {

    boolean isEmpty() {
        return content == null && mediaUrls == null && workout == null && visibility == null;
    }
}
