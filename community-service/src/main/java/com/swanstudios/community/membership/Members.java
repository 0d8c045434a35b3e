package com.swanstudios.community.membership;

import com.swanstudios.community.community.Community;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How memberships change, for every path that changes them (requests, invitations, removals, erasure): each runs
 * under the community row's lock, taken first ({@link #lockCommunity}), so changes to one community's members run
 * one after another and its member count is changed in the same transaction as the rows it counts.
 */
public final class Members {

    private Members() {
    }

    /** The community, locked for the rest of the transaction; 404 if there is none. */
    public static Uni<Community> lockCommunity(UUID id) {
        return Community.<Community>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + id));
    }

    /** The user's row in the community (request, refusal or membership), or null. */
    public static Uni<Membership> of(UUID communityId, UUID userId) {
        return Membership.<Membership>find("communityId = ?1 and userId = ?2", communityId, userId).firstResult();
    }

    /** A new row of this user in the community. */
    public static Membership newRow(UUID communityId, UUID userId, CommunityRole role, String status) {
        Membership m = new Membership();
        m.id = Ids.newId();
        m.communityId = communityId;
        m.userId = userId;
        m.role = role.value();
        m.status = status;
        m.createdAt = now();
        m.updatedAt = m.createdAt;
        return m;
    }

    /** The row becomes an active member's (as a plain member unless it holds a role already) and is counted. */
    public static void activate(Community community, Membership m) {
        if (m.isActive()) {
            return;
        }
        m.status = Membership.ACTIVE;
        m.joinedAt = now();
        m.updatedAt = m.joinedAt;
        community.memberCount++;
    }

    /** Who inherits a community whose owner is gone: the highest role, then the longest standing; none if nobody is left. */
    static Optional<Membership> successor(List<Membership> active) {
        return active.stream().filter(Membership::isActive).filter(m -> m.activeRole() != CommunityRole.OWNER)
                .max(Comparator.comparingInt((Membership m) -> m.activeRole().rank())
                        .thenComparing(m -> m.joinedAt, Comparator.reverseOrder())
                        .thenComparing(m -> m.id, Comparator.reverseOrder()));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
