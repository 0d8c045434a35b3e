package com.swanstudios.community.membership;

import com.swanstudios.community.community.Community;
import com.swanstudios.community.community.CommunityRules;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Members' transactions: joining or asking to, deciding requests, changing roles, removing and leaving, handing
 * ownership over. Who may do what to whom is {@link CommunityRole}; every change runs under the community's lock
 * ({@link Members}).
 */
@ApplicationScoped
public class MembershipService {

    private final MemberEvents events;

    public MembershipService(MemberEvents events) {
        this.events = events;
    }

    private static final String PAGE = """
            select m.user_id, u.username, u.display_name, u.avatar_url, m.role, m.status, m.joined_at, m.created_at, m.id
            from membership m left join known_user u on u.id = m.user_id
            where m.community_id = $1 and m.status = $2 and ($3::uuid is null or m.id < $3)
            order by m.id desc limit $4""";

    /** Joins an open community at once, asks to join one that needs approval; an invite-only one needs an invitation. */
    @WithTransaction
    public Uni<MemberView> join(UUID userId, UUID communityId) {
        return Members.lockCommunity(communityId).chain(community -> KnownUser.<KnownUser>findById(userId).chain(user -> {
            KnownUser.requireActive(user, userId);
            return Members.of(communityId, userId).chain(existing -> {
                if (existing != null && existing.isActive()) {
                    throw new DomainException(409, "already-member", "Conflict", "You are a member of this community already");
                }
                if (existing != null && Membership.PENDING.equals(existing.status)) {
                    throw new DomainException(409, "already-requested", "Conflict",
                            "Your request to join is waiting for a moderator already");
                }
                if (Community.INVITE_ONLY.equals(community.membershipType)) {
                    throw new DomainException(403, "invitation-required", "Forbidden",
                            "This community is invite-only: a moderator invites you, and you accept the invitation");
                }
                Membership row = existing != null ? existing : Members.newRow(communityId, userId, CommunityRole.MEMBER,
                        Membership.PENDING);
                row.status = Membership.PENDING;
                row.updatedAt = Members.now();
                boolean open = Community.OPEN.equals(community.membershipType);
                if (open) {
                    Members.activate(community, row);
                }
                return (existing != null ? Uni.createFrom().item(row) : row.<Membership>persist())
                        .call(saved -> open ? events.joined(row) : Uni.createFrom().voidItem())
                        .map(saved -> MemberView.of(row, user));
            });
        }));
    }

    /** A community's members (or, to a moderator or above, its pending or rejected requests), the most recent first. */
    @WithSession
    public Uni<MemberPage> list(UUID viewer, UUID communityId, String status, UUID after, int limit) {
        return Community.<Community>findById(communityId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + communityId))
                .chain(community -> Members.of(communityId, viewer).invoke(mine -> {
                    CommunityRules.requireContentVisible(community, mine);
                    if (!Membership.ACTIVE.equals(status)) {
                        CommunityRole.requireMayModerate(mine == null ? null : mine.activeRole(), "see requests to join");
                    }
                }))
                .chain(() -> NativeRows.list(PAGE, communityId, status, after, limit + 1))
                .map(rows -> {
                    IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[8]);
                    List<MemberView> items = page.items().stream().map(row -> new MemberView((UUID) row[0], (String) row[1],
                            row[2] == null ? MemberView.UNKNOWN_NAME : (String) row[2], (String) row[3], (String) row[4],
                            (String) row[5], time(row[6]), time(row[7]))).toList();
                    return new MemberPage(items, page.nextCursor());
                });
    }

    /** A new role for an active member, or the decision on a pending request. */
    @WithTransaction
    public Uni<MemberView> change(UUID actorId, UUID communityId, UUID userId, MemberChange change) {
        if ((change.role() == null) == (change.status() == null)) {
            return Uni.createFrom().failure(DomainException.invalidField("request", "names exactly one of role and status"));
        }
        return Members.lockCommunity(communityId).chain(community -> actorRole(actorId, communityId)
                .chain(actor -> target(communityId, userId).chain(target -> {
                    if (change.status() != null) {
                        CommunityRole.requireMayModerate(actor, "decide requests to join");
                        if (!Membership.PENDING.equals(target.status)) {
                            throw new DomainException(409, "not-pending", "Conflict", "User " + userId + "'s row is "
                                    + target.status + ", not a pending request");
                        }
                        if (Membership.ACTIVE.equals(change.status())) {
                            Members.activate(community, target);
                            return events.joined(target).chain(() -> view(target));
                        }
                        target.status = Membership.REJECTED;
                        target.updatedAt = Members.now();
                    } else {
                        if (!target.isActive()) {
                            throw new DomainException(409, "not-a-member", "Conflict", "User " + userId + " is not an "
                                    + "active member: decide their request first");
                        }
                        CommunityRole.requireMayChangeRole(actor, target.activeRole(), CommunityRole.of(change.role()));
                        target.role = change.role();
                        target.updatedAt = Members.now();
                    }
                    return view(target);
                })));
    }

    /** A member leaves (or withdraws a request); one ranked above removes them. */
    @WithTransaction
    public Uni<Void> remove(UUID actorId, UUID communityId, UUID userId) {
        return Members.lockCommunity(communityId).chain(community -> {
            Uni<CommunityRole> actor = actorId.equals(userId) ? Uni.createFrom().nullItem() : actorRole(actorId, communityId);
            return actor.chain(actorRole -> target(communityId, userId).chain(target -> {
                if (actorId.equals(userId)) {
                    CommunityRole.requireMayLeave(CommunityRole.of(target.role));
                } else {
                    CommunityRole.requireMayRemove(actorRole, CommunityRole.of(target.role));
                }
                if (!target.isActive()) {
                    return target.delete();
                }
                community.memberCount--;
                return target.delete().call(() -> events.left(userId, communityId));
            }));
        });
    }

    /** The owner hands the community over to an active member and becomes an admin. */
    @WithTransaction
    public Uni<MemberView> transferOwnership(UUID actorId, UUID communityId, UUID newOwnerId) {
        return Members.lockCommunity(communityId).chain(community -> actorRole(actorId, communityId).chain(actor -> {
            CommunityRole.requireMayTransferOwnership(actor);
            if (actorId.equals(newOwnerId)) {
                throw DomainException.invalidField("userId", "is you: you own the community already");
            }
            return target(communityId, newOwnerId).chain(target -> {
                if (!target.isActive()) {
                    throw new DomainException(409, "not-a-member", "Conflict", "User " + newOwnerId + " is not an active member");
                }
                // one owner per community (membership_one_owner): the old owner steps down before the new one steps up
                return Members.of(communityId, actorId).invoke(old -> {
                            old.role = CommunityRole.ADMIN.value();
                            old.updatedAt = Members.now();
                        })
                        .call(() -> Panache.getSession().chain(session -> session.flush()))
                        .invoke(() -> {
                            target.role = CommunityRole.OWNER.value();
                            target.updatedAt = Members.now();
                        })
                        .call(() -> Panache.getSession().chain(session -> session.flush()))
                        .chain(() -> view(target));
            });
        }));
    }

    /** The caller's role in the community (null if not an active member), once their account may act. */
    static Uni<CommunityRole> actorRole(UUID actorId, UUID communityId) {
        return KnownUser.<KnownUser>findById(actorId).invoke(user -> KnownUser.requireActive(user, actorId))
                .chain(() -> Members.of(communityId, actorId))
                .map(m -> m == null ? null : m.activeRole());
    }

    private static Uni<Membership> target(UUID communityId, UUID userId) {
        return Members.of(communityId, userId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Member " + userId + " of community " + communityId));
    }

    private static Uni<MemberView> view(Membership m) {
        return KnownUser.<KnownUser>findById(m.userId).map(user -> MemberView.of(m, user));
    }

    static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime t ? t : value instanceof LocalDateTime l ? l.atOffset(ZoneOffset.UTC) : null;
    }
}
