package com.swanstudios.social.reaction;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reaction to a post: one per member and post, a new kind replacing the old. */
@Schema(name = "NewReaction")
public record NewReaction(
        @NotNull @Pattern(regexp = "^(like|love|fire|strong|clap)$", message = "must be like, love, fire, strong or clap")
        @Schema(enumeration = {"like", "love", "fire", "strong", "clap"}) String type) {
}
