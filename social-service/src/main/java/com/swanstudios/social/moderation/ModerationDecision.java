package com.swanstudios.social.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's decision on a post. */
@Schema(name = "ModerationDecision")
public record ModerationDecision(
        @NotNull @Pattern(regexp = "^(approve|hide|remove)$", message = "must be approve, hide or remove")
        @Schema(enumeration = {"approve", "hide", "remove"}, description = "approve publishes it again; hide and remove take "
                + "it from all but its author and admins") String action) {
}
