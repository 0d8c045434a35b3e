package com.swanstudios.community.membership;

import com.swanstudios.community.user.KnownUser;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member (or one who asked to be) as a community's lists show them. */
@Schema(name = "Member")
public record MemberView(UUID userId, @Schema(nullable = true) String username, String displayName,
        @Schema(nullable = true) String avatarUrl,
        @Schema(enumeration = {"member", "contributor", "moderator", "admin", "owner"}) String role,
        @Schema(enumeration = {"pending", "active", "rejected"}) String status,
        @Schema(nullable = true, description = "When they became an active member; null until then") OffsetDateTime joinedAt,
        @Schema(description = "When they joined or asked to") OffsetDateTime requestedAt) {

    static final String UNKNOWN_NAME = "Unknown user";

    static MemberView of(Membership m, KnownUser user) {
        return new MemberView(m.userId, user == null ? null : user.username, user == null ? UNKNOWN_NAME : user.displayName,
                user == null ? null : user.avatarUrl, m.role, m.status, m.joinedAt, m.createdAt);
    }
}
