package com.swanstudios.community.membership;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Exactly one of: a new role for an active member, or the decision on a pending request. */
@Schema(name = "MemberChange", description = "Exactly one of role and status")
public record MemberChange(
        @Pattern(regexp = "^(member|contributor|moderator|admin)$", message = "must be member, contributor, moderator or admin")
        @Schema(nullable = true, enumeration = {"member", "contributor", "moderator", "admin"},
                description = "The role to give an active member (ownership is handed over with PUT .../owner)") String role,
        @Pattern(regexp = "^(active|rejected)$", message = "must be active (accept the request) or rejected")
        @Schema(nullable = true, enumeration = {"active", "rejected"},
                description = "The decision on a pending request: active accepts it, rejected refuses it") String status) {
}
