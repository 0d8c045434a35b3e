package com.swanstudios.community.challenge;

import com.swanstudios.community.achievement.Achievement;
import com.swanstudios.community.achievement.AchievementService;
import com.swanstudios.community.community.Community;
import com.swanstudios.community.community.CommunityRules;
import com.swanstudios.community.membership.Members;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Challenges' transactions: create, read, list a community's, join. The rules are {@link ChallengeRules}. */
@ApplicationScoped
public class ChallengeService {

    /** A team made on first use, found by name in any case; one participant per challenge and user. */
    private static final String FIND_TEAM = "select id, name from challenge_team where challenge_id = $1 and lower(name) = lower($2)";
    private static final String NEW_TEAM = """
            insert into challenge_team (id, challenge_id, name, reached_at, created_at) values ($1, $2, $3, clock_timestamp(), now())
            on conflict (challenge_id, lower(name)) do nothing returning id, name""";
    private static final String JOIN = """
            insert into participant (challenge_id, user_id, team_id, reached_at, joined_at)
            values ($1, $2, $3, clock_timestamp(), now())
            on conflict (challenge_id, user_id) do nothing returning joined_at""";

    private final AchievementService achievements;

    public ChallengeService(AchievementService achievements) {
        this.achievements = achievements;
    }

    @WithTransaction
    public Uni<ChallengeView> create(UUID creatorId, UUID communityId, NewChallenge request) {
        OffsetDateTime now = Members.now();
        ChallengeRules.requireSensibleDates(request.startsAt(), request.endsAt(), now);
        return Community.<Community>findById(communityId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + communityId))
                .chain(community -> KnownUser.<KnownUser>findById(creatorId).chain(creator -> Members.of(communityId, creatorId)
                        .invoke(membership -> ChallengeRules.requireMayCreate(creator, creatorId, membership))))
                .chain(() -> {
                    Challenge c = new Challenge();
                    c.id = Ids.newId();
                    c.communityId = communityId;
                    c.createdBy = creatorId;
                    c.title = request.title().strip();
                    c.description = request.description() == null ? "" : request.description();
                    c.type = request.type();
                    c.goal = request.goal();
                    c.unit = request.unit();
                    c.pointsPerUnit = request.pointsPerUnit();
                    c.completionBonus = request.completionBonus();
                    c.startsAt = request.startsAt();
                    c.endsAt = request.endsAt();
                    c.createdAt = now;
                    return c.<Challenge>persist().map(saved -> ChallengeView.of(saved, now));
                });
    }

    @WithSession
    public Uni<ChallengeView> get(UUID viewer, UUID id) {
        return visible(viewer, id).map(c -> ChallengeView.of(c, Members.now()));
    }

    /** A community's challenges, newest first: to its members if private (its global ones to all). */
    @WithSession
    public Uni<ChallengeView.Page> list(UUID viewer, UUID communityId, UUID after, int limit) {
        return Community.<Community>findById(communityId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + communityId))
                .chain(community -> Members.of(communityId, viewer).chain(mine -> {
                    boolean all = CommunityRules.contentVisibleTo(community, mine);
                    String where = "communityId = ?1" + (all ? "" : " and type = 'global'") + (after == null ? "" : " and id < ?2");
                    Object[] parameters = after == null ? new Object[] {communityId} : new Object[] {communityId, after};
                    return Challenge.<Challenge>find(where + " order by id desc", parameters).page(0, limit + 1).list();
                }))
                .map(found -> {
                    OffsetDateTime now = Members.now();
                    IdCursor.Slice<Challenge> page = IdCursor.slice(found, limit, c -> c.id);
                    return new ChallengeView.Page(page.items().stream().map(c -> ChallengeView.of(c, now)).toList(),
                            page.nextCursor());
                });
    }

    @WithTransaction
    public Uni<ParticipantView> join(UUID userId, UUID challengeId, JoinChallenge request) {
        String team = request == null || request.team() == null ? null : request.team().strip();
        return visible(userId, challengeId).chain(challenge -> KnownUser.<KnownUser>findById(userId)
                .invoke(user -> KnownUser.requireActive(user, userId))
                .chain(() -> Members.of(challenge.communityId, userId))
                .invoke(mine -> ChallengeRules.requireMayJoin(challenge, mine, team, Members.now()))
                .chain(() -> team == null ? Uni.createFrom().<Object[]>nullItem() : team(challengeId, team))
                .chain(teamRow -> NativeRows.list(JOIN, challengeId, userId, teamRow == null ? null : teamRow[0]).map(rows -> {
                    if (rows.isEmpty()) {
                        throw new DomainException(409, "already-participant", "Conflict", "You take part in this challenge already");
                    }
                    return new ParticipantView(challengeId, userId, teamRow == null ? null : (UUID) teamRow[0],
                            teamRow == null ? null : (String) teamRow[1], 0, 0, null, time(rows.get(0)[0]));
                }))
                .call(() -> achievements.judge(userId, Achievement.Measure.CHALLENGES_JOINED)));
    }

    /** The challenge, if the caller may see it; else 404, as if there were none. */
    static Uni<Challenge> visible(UUID viewer, UUID id) {
        return Challenge.<Challenge>findById(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(DomainException.notFound("Challenge " + id));
            }
            return Community.<Community>findById(c.communityId).chain(community -> Members.of(c.communityId, viewer).map(mine -> {
                if (!ChallengeRules.visibleTo(c, community, mine)) {
                    throw DomainException.notFound("Challenge " + id);
                }
                return c;
            }));
        });
    }

    private static Uni<Object[]> team(UUID challengeId, String name) {
        return NativeRows.list(NEW_TEAM, Ids.newId(), challengeId, name)
                .chain(made -> made.isEmpty() ? NativeRows.one(FIND_TEAM, challengeId, name) : Uni.createFrom().item(made.get(0)));
    }

    static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime t ? t
                : value instanceof java.time.LocalDateTime l ? l.atOffset(java.time.ZoneOffset.UTC) : null;
    }
}
