package com.swanstudios.community.community;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An edit of a community: a field left out (or null) stays as it is. */
@Schema(name = "CommunityChange", description = "Fields left out (or null) stay as they are")
public record CommunityChange(
        @Size(min = 1, max = CommunityRules.MAX_NAME) @Pattern(regexp = CommunityRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true) String name,
        @Size(max = CommunityRules.MAX_DESCRIPTION) @Schema(nullable = true) String description,
        @Pattern(regexp = CommunityRules.CATEGORIES, message = "must be one of the categories")
        @Schema(nullable = true, enumeration = {"strength", "cardio", "yoga", "nutrition", "weight_loss", "bodybuilding",
                "running", "general"}) String category,
        @Pattern(regexp = CommunityRules.PRIVACIES, message = "must be public or private")
        @Schema(nullable = true, enumeration = {"public", "private"}) String privacy,
        @Pattern(regexp = CommunityRules.MEMBERSHIP_TYPES, message = "must be open, approval_required or invite_only")
        @Schema(nullable = true, enumeration = {"open", "approval_required", "invite_only"}) String membershipType) {

    boolean isEmpty() {
        return name == null && description == null && category == null && privacy == null && membershipType == null;
    }
}
