package com.swanstudios.community.membership;

import com.swanstudios.community.achievement.AchievementService;
import com.swanstudios.community.community.Community;
import com.swanstudios.community.event.AttendanceService;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * A deleted account's memberships and invitations, gone in the transaction that applies the deletion: each
 * community it was active in counts one member less, a community it owned passes to the member of the highest role
 * who joined first ({@link Members#successor}), or, with nobody left, is deleted. Their challenge participations go
 * too, and their points with them from their teams' totals, so leaderboards stay right; so do their answers to events
 * (a confirmed place passing down its waiting list) and their achievements. Each community they were active in hears
 * {@code member.left}. Applying it twice changes nothing.
 */
public final class MemberErasure {

    /** Its communities, locked in id order (as every request locks one of them) before anything changes. */
    private static final String LOCK = """
            select c.id from community c
            where c.id in (select community_id from membership where user_id = $1) order by c.id for update of c""";
    /** And their participations, before any team row (a progress report locks its participant, then the team). */
    private static final String LOCK_PARTICIPATIONS = """
            select challenge_id from participant where user_id = $1 order by challenge_id for update""";
    private static final String OWNED = "select community_id from membership where user_id = $1 and role = 'owner'";
    private static final String ACTIVE = "select community_id from membership where user_id = $1 and status = 'active'";
    private static final String UNCOUNT = """
            update community set member_count = member_count - 1
            where id in (select community_id from membership where user_id = ?1 and status = 'active')""";
    private static final String MEMBERSHIPS = "delete from membership where user_id = ?1";
    private static final String INVITED = "delete from invitation where invitee_id = ?1";
    private static final String INVITER = "update invitation set invited_by = null where invited_by = ?1";
    /** Their points leave their teams' totals; their participations (and reports) go; challenges they made stay. */
    private static final String TEAM_POINTS = """
            update challenge_team t set points = t.points - p.points from participant p
            where p.user_id = ?1 and p.team_id = t.id and p.points > 0""";
    private static final String PARTICIPATIONS = "delete from participant where user_id = ?1";
    private static final String CREATOR = "update challenge set created_by = null where created_by = ?1";
    private static final String EVENT_CREATOR = "update community_event set created_by = null where created_by = ?1";

    private MemberErasure() {
    }

    /** The communities they were an active member of (each told member.left through {@code events}). */
    public static Uni<List<UUID>> erase(UUID userId, MemberEvents events) {
        return NativeRows.list(LOCK, userId)
                .chain(() -> NativeRows.list(LOCK_PARTICIPATIONS, userId))
                .chain(() -> NativeRows.list(ACTIVE, userId))
                .chain(active -> NativeRows.list(OWNED, userId).chain(owned -> update(UNCOUNT, userId)
                        .chain(() -> update(MEMBERSHIPS, userId))
                        .call(() -> update(INVITED, userId))
                        .call(() -> update(INVITER, userId))
                        .call(() -> update(TEAM_POINTS, userId))
                        .call(() -> update(PARTICIPATIONS, userId))
                        .call(() -> update(CREATOR, userId))
                        .call(() -> update(EVENT_CREATOR, userId))
                        .call(() -> Multi.createFrom().iterable(owned).onItem()
                                .transformToUniAndConcatenate(row -> passOn((UUID) row[0])).collect().asList())
                        .call(() -> AttendanceService.withdraw(userId, null))
                        .call(() -> AchievementService.erase(userId))
                        .call(() -> Multi.createFrom().iterable(active).onItem()
                                .transformToUniAndConcatenate(row -> events.erased(userId, (UUID) row[0])).collect().asList())
                        .map(count -> active.stream().map(row -> (UUID) row[0]).toList())));
    }

    private static Uni<Void> passOn(UUID communityId) {
        return Membership.<Membership>find("communityId = ?1 and status = ?2", communityId, Membership.ACTIVE).list()
                .chain((List<Membership> active) -> Members.successor(active)
                        .map(heir -> {
                            heir.role = CommunityRole.OWNER.value();
                            heir.updatedAt = Members.now();
                            return Uni.createFrom().voidItem();
                        })
                        .orElseGet(() -> Community.deleteById(communityId).replaceWithVoid()));
    }

    private static Uni<Integer> update(String sql, UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, userId).executeUpdate());
    }
}
