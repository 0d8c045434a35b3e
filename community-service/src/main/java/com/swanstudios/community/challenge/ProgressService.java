package com.swanstudios.community.challenge;

import com.swanstudios.community.achievement.Achievement;
import com.swanstudios.community.achievement.AchievementService;
import com.swanstudios.community.activity.ActivityEvents;
import com.swanstudios.community.membership.Members;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Progress reports: under the participant row's lock (so concurrent reports of one participant run one after
 * another), a report's key is recorded with what it counted, their team's points move (under the team row's lock,
 * always taken after the participant's), then the participant's progress and points. Team before participant because
 * each moves its board's counts (V5__leaderboard_counts.sql) and every writer moves team counts before participant
 * counts, as the erasure of an account does: one lock order, no deadlock. Points and their moment ({@code reached_at},
 * the leaderboard's tie-break) change only when the points do. The report that reaches the goal announces
 * {@code challenge.completed} and has the completion achievements judged, in its transaction.
 */
@ApplicationScoped
public class ProgressService {

    private final ActivityEvents activity;
    private final AchievementService achievements;

    public ProgressService(ActivityEvents activity, AchievementService achievements) {
        this.activity = activity;
        this.achievements = achievements;
    }

    private static final String LOCK = """
            select progress, points, team_id, completed_at from participant where challenge_id = $1 and user_id = $2 for update""";
    private static final String EARLIER = """
            select amount, counted from progress_report where challenge_id = $1 and user_id = $2 and idempotency_key = $3""";
    private static final String RECORD = """
            insert into progress_report (challenge_id, user_id, idempotency_key, amount, counted, reported_at)
            values (?1, ?2, ?3, ?4, ?5, now())""";
    private static final String MOVE = """
            update participant set progress = $3, points = $4, reached_at = case when points <> $4 then clock_timestamp()
                else reached_at end, completed_at = case when $5 then coalesce(completed_at, clock_timestamp()) end
            where challenge_id = $1 and user_id = $2 returning completed_at""";
    private static final String MOVE_TEAM = """
            update challenge_team set points = points + ?2, reached_at = clock_timestamp() where id = ?1""";

    @WithTransaction
    public Uni<ProgressView> report(UUID userId, UUID challengeId, long amount, String key) {
        return ChallengeService.visible(userId, challengeId).chain(challenge -> {
            OffsetDateTime now = Members.now();
            ChallengeRules.requireActive(challenge, now);
            return NativeRows.list(LOCK, challengeId, userId).chain(rows -> {
                if (rows.isEmpty()) {
                    throw new DomainException(409, "not-participant", "Conflict", "Join the challenge before reporting progress");
                }
                long progress = (Long) rows.get(0)[0];
                long points = (Long) rows.get(0)[1];
                UUID team = (UUID) rows.get(0)[2];
                OffsetDateTime completedAt = ChallengeService.time(rows.get(0)[3]);
                return NativeRows.list(EARLIER, challengeId, userId, key).chain(earlier -> {
                    if (!earlier.isEmpty()) {
                        if ((Long) earlier.get(0)[0] != amount) {
                            throw new DomainException(422, "idempotency-key-reused", "Unprocessable Content", "This "
                                    + "idempotency key was reported with another amount (" + earlier.get(0)[0] + ")");
                        }
                        return Uni.createFrom().item(new ProgressView((Long) earlier.get(0)[1], true, progress, points,
                                completedAt));
                    }
                    long counted = ChallengeRules.counted(amount, progress, challenge.goal);
                    long newProgress = progress + counted;
                    long newPoints = ChallengeRules.points(challenge, newProgress);
                    return Panache.getSession().chain(session -> session.createNativeQuery(RECORD).setParameter(1, challengeId)
                                    .setParameter(2, userId).setParameter(3, key).setParameter(4, amount)
                                    .setParameter(5, counted).executeUpdate())
                            .call(() -> team == null || newPoints == points ? Uni.createFrom().voidItem()
                                    : Panache.getSession().chain(session -> session.createNativeQuery(MOVE_TEAM)
                                            .setParameter(1, team).setParameter(2, newPoints - points).executeUpdate()))
                            .chain(() -> NativeRows.one(MOVE, challengeId, userId, newProgress, newPoints,
                                    newProgress >= challenge.goal))
                            .call(moved -> completedAt != null || moved[0] == null ? Uni.createFrom().voidItem()
                                    : activity.challengeCompleted(userId, challengeId, challenge.communityId,
                                                    ChallengeService.time(moved[0]))
                                            .chain(() -> achievements.judge(userId, Achievement.Measure.CHALLENGES_COMPLETED)))
                            .map(moved -> new ProgressView(counted, false, newProgress, newPoints,
                                    ChallengeService.time(moved[0])));
                });
            });
        });
    }
}
