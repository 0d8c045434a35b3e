package com.swanstudios.community.membership;

import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Invitations' transactions: a moderator or above invites a user ({@link CommunityRole}), who alone accepts (and
 * becomes a member, whatever the community's membership type) or declines. Under the community's lock, like every
 * change to its members ({@link Members}).
 */
@ApplicationScoped
public class InvitationService {

    private final MemberEvents events;

    public InvitationService(MemberEvents events) {
        this.events = events;
    }

    private static final String MINE = """
            select i.id, i.community_id, c.name, i.invitee_id, i.invited_by, i.status, i.created_at, i.answered_at
            from invitation i join community c on c.id = i.community_id
            where i.invitee_id = $1 and i.status = 'pending' and ($2::uuid is null or i.id < $2)
            order by i.id desc limit $3""";

    @WithTransaction
    public Uni<InvitationView> invite(UUID actorId, UUID communityId, UUID inviteeId) {
        return Members.lockCommunity(communityId).chain(community -> MembershipService.actorRole(actorId, communityId)
                .invoke(actor -> CommunityRole.requireMayModerate(actor, "invite"))
                .chain(() -> KnownUser.<KnownUser>findById(inviteeId))
                .chain(invitee -> {
                    if (invitee == null) {
                        throw DomainException.notFound("User " + inviteeId);
                    }
                    if (!KnownUser.ACTIVE.equals(invitee.status)) {
                        throw new DomainException(409, "invitee-inactive", "Conflict", "User " + inviteeId + " is "
                                + invitee.status + " and cannot be invited");
                    }
                    return Members.of(communityId, inviteeId);
                })
                .invoke(existing -> {
                    if (existing != null && existing.isActive()) {
                        throw new DomainException(409, "already-member", "Conflict", "User " + inviteeId + " is a member already");
                    }
                })
                .chain(() -> Invitation.count("communityId = ?1 and inviteeId = ?2 and status = ?3", communityId, inviteeId,
                        Invitation.PENDING))
                .chain(open -> {
                    if (open > 0) {
                        throw new DomainException(409, "already-invited", "Conflict", "User " + inviteeId
                                + " has an open invitation to this community already");
                    }
                    Invitation invitation = new Invitation();
                    invitation.id = Ids.newId();
                    invitation.communityId = communityId;
                    invitation.inviteeId = inviteeId;
                    invitation.invitedBy = actorId;
                    invitation.status = Invitation.PENDING;
                    invitation.createdAt = Members.now();
                    return invitation.<Invitation>persist().map(saved -> InvitationView.of(saved, community.name));
                }));
    }

    /** The invitee's answer; to anyone else the invitation does not exist. */
    @WithTransaction
    public Uni<InvitationView> answer(UUID userId, UUID communityId, UUID invitationId, boolean accept) {
        return Members.lockCommunity(communityId).chain(community -> Invitation.<Invitation>findById(invitationId)
                .chain(invitation -> {
                    if (invitation == null || !invitation.communityId.equals(communityId) || !invitation.inviteeId.equals(userId)) {
                        throw DomainException.notFound("Invitation " + invitationId);
                    }
                    if (!Invitation.PENDING.equals(invitation.status)) {
                        throw new DomainException(409, "invitation-answered", "Conflict", "This invitation was "
                                + invitation.status + " already");
                    }
                    invitation.status = accept ? Invitation.ACCEPTED : Invitation.DECLINED;
                    invitation.answeredAt = Members.now();
                    if (!accept) {
                        return Uni.createFrom().item(InvitationView.of(invitation, community.name));
                    }
                    return KnownUser.<KnownUser>findById(userId).invoke(user -> KnownUser.requireActive(user, userId))
                            .chain(() -> Members.of(communityId, userId))
                            .chain(existing -> {
                                Membership row = existing != null ? existing
                                        : Members.newRow(communityId, userId, CommunityRole.MEMBER, Membership.PENDING);
                                boolean joins = !row.isActive();
                                Members.activate(community, row);
                                return (existing != null ? Uni.createFrom().item(row) : row.<Membership>persist())
                                        .call(saved -> joins ? events.joined(row) : Uni.createFrom().voidItem());
                            })
                            .map(member -> InvitationView.of(invitation, community.name));
                }));
    }

    /** The caller's open invitations, the most recent first. */
    @WithSession
    public Uni<InvitationView.Page> mine(UUID userId, UUID after, int limit) {
        return NativeRows.list(MINE, userId, after, limit + 1).map(rows -> {
            IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
            List<InvitationView> items = page.items().stream().map(row -> new InvitationView((UUID) row[0], (UUID) row[1],
                    (String) row[2], (UUID) row[3], (UUID) row[4], (String) row[5], MembershipService.time(row[6]),
                    MembershipService.time(row[7]))).toList();
            return new InvitationView.Page(items, page.nextCursor());
        });
    }
}
