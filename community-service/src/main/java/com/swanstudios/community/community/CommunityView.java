package com.swanstudios.community.community;

import com.swanstudios.community.membership.Membership;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A community as every signed-in user sees it, with the caller's own standing in it. */
@Schema(name = "Community")
public record CommunityView(UUID id, String name, String description,
        @Schema(enumeration = {"strength", "cardio", "yoga", "nutrition", "weight_loss", "bodybuilding", "running", "general"})
        String category,
        @Schema(enumeration = {"public", "private"}) String privacy,
        @Schema(enumeration = {"open", "approval_required", "invite_only"}) String membershipType,
        @Schema(description = "Active members") int memberCount,
        UUID ownerId,
        @Schema(nullable = true, description = "Your membership, if you are a member or asked to be") MyMembership me,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The caller's row in the community: a request, a refusal or a membership. */
    @Schema(name = "MyMembership")
    public record MyMembership(@Schema(enumeration = {"member", "contributor", "moderator", "admin", "owner"}) String role,
            @Schema(enumeration = {"pending", "active", "rejected"}) String status) {
    }

    public static CommunityView of(Community c, UUID ownerId, Membership mine) {
        return new CommunityView(c.id, c.name, c.description, c.category, c.privacy, c.membershipType, c.memberCount, ownerId,
                mine == null ? null : new MyMembership(mine.role, mine.status), c.createdAt, c.updatedAt);
    }
}
