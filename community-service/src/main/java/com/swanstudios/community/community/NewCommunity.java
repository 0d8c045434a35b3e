package com.swanstudios.community.community;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A community to create; its creator becomes its owner. */
@Schema(name = "NewCommunity")
public record NewCommunity(
        @NotNull @Size(min = 1, max = CommunityRules.MAX_NAME)
        @Pattern(regexp = CommunityRules.NOT_BLANK, message = "must not be blank")
        @Schema(description = "Unique whatever the case") String name,
        @Size(max = CommunityRules.MAX_DESCRIPTION) @Schema(nullable = true, description = "Empty when left out")
        String description,
        @NotNull @Pattern(regexp = CommunityRules.CATEGORIES, message = "must be one of the categories")
        @Schema(enumeration = {"strength", "cardio", "yoga", "nutrition", "weight_loss", "bodybuilding", "running", "general"})
        String category,
        @NotNull @Pattern(regexp = CommunityRules.PRIVACIES, message = "must be public or private")
        @Schema(enumeration = {"public", "private"}) String privacy,
        @NotNull @Pattern(regexp = CommunityRules.MEMBERSHIP_TYPES, message = "must be open, approval_required or invite_only")
        @Schema(enumeration = {"open", "approval_required", "invite_only"}) String membershipType) {
}
