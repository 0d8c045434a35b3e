package com.swanstudios.social.post;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post to publish. Which fields a type needs (media for an image, a workout for a workout) is {@link PostRules}. */
@Schema(name = "NewPost")
public record NewPost(
        @NotNull @Pattern(regexp = PostRules.TYPES, message = "must be text, image, workout or achievement")
        @Schema(enumeration = {"text", "image", "workout", "achievement"}) String type,
        @NotNull @Size(min = 1, max = PostRules.MAX_CONTENT) @Pattern(regexp = PostRules.NOT_BLANK, message = "must not be blank")
        String content,
        @Size(max = PostRules.MAX_MEDIA)
        @Schema(nullable = true, description = "https URLs of pictures or clips hosted elsewhere (no uploads); an image post "
                + "needs at least one")
        List<@NotNull @Size(max = PostRules.MAX_URL) @Pattern(regexp = PostRules.HTTPS_URL, message = "must be an https URL")
                String> mediaUrls,
        @Valid @Schema(nullable = true, description = "Required on a workout post, refused on any other") WorkoutSummary workout,
        @NotNull @Pattern(regexp = PostRules.VISIBILITIES, message = "must be public, followers, friends or private")
        @Schema(enumeration = {"public", "followers", "friends", "private"}) String visibility) {
}
