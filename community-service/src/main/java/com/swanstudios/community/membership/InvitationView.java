package com.swanstudios.community.membership;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invitation as the invitee and the community's moderators see it. */
@Schema(name = "Invitation")
public record InvitationView(UUID id, UUID communityId, String communityName,
        @Schema(description = "The invitee") UUID userId,
        @Schema(nullable = true, description = "Who invited; null once their account was deleted") UUID invitedBy,
        @Schema(enumeration = {"pending", "accepted", "declined"}) String status,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime answeredAt) {

    static InvitationView of(Invitation i, String communityName) {
        return new InvitationView(i.id, i.communityId, communityName, i.inviteeId, i.invitedBy, i.status, i.createdAt, i.answeredAt);
    }

    /** One page of invitations, the most recent first. */
    @Schema(name = "InvitationPage")
    public record Page(List<InvitationView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }
}
