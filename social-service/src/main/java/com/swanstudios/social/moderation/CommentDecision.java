package com.swanstudios.social.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin's decision on a comment content analysis held for review. */
@Schema(name = "CommentDecision")
public record CommentDecision(
        @NotNull @Pattern(regexp = "^(approve|remove)$", message = "must be approve or remove")
        @Schema(enumeration = {"approve", "remove"}, description = "approve keeps it and takes it out of the queue; remove "
                + "deletes it as its author would (a comment with replies stays as a tombstone)") String action) {
}
