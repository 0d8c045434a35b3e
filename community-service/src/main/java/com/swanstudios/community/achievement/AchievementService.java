package com.swanstudios.community.achievement;

import com.swanstudios.community.activity.ActivityEvents;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.identity.UserState;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Awards achievements ({@link Achievement}) in the transaction of the change that may have earned them, and
 * announces each one earned ({@code achievement.earned}). The user's activity counter is locked before anything is
 * counted, so two changes of one user are judged one after the other and the second counts the first (two
 * completions at once both counted, never both seeing one); the primary key then keeps each award to one row.
 */
@ApplicationScoped
public class AchievementService {

    private static final String AWARD = """
            insert into achievement (user_id, achievement, tier, earned_at)
            select $1, a, t, now() from unnest($2::text[], $3::text[]) as x(a, t)
            on conflict (user_id, achievement) do nothing returning achievement, earned_at""";
    private static final String EARNED = """
            select achievement, tier, earned_at from achievement where user_id = $1""";
    private static final String ERASE = "delete from achievement where user_id = ?1";

    private final ActivityEvents activity;

    public AchievementService(ActivityEvents activity) {
        this.activity = activity;
    }

    /** Within the caller's transaction: awards what this measure's rules now grant the user, each once. */
    public Uni<Void> judge(UUID userId, Achievement.Measure measure) {
        return activity.lockUser(userId)
                .chain(() -> NativeRows.<Long>value(measure.sql, userId))
                .chain(count -> {
                    List<Achievement> met = Achievement.metBy(measure, count);
                    if (met.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String[] names = met.stream().map(Achievement::value).toArray(String[]::new);
                    String[] tiers = met.stream().map(a -> a.tier.value()).toArray(String[]::new);
                    return NativeRows.list(AWARD, userId, names, tiers)
                            .chain(awarded -> Multi.createFrom().iterable(awarded.stream()
                                            .sorted(Comparator.comparing(row -> Achievement.of((String) row[0])))
                                            .toList())
                                    .onItem().transformToUniAndConcatenate(row -> {
                                        Achievement a = Achievement.of((String) row[0]);
                                        return activity.achievementEarned(userId, a.value(), a.tier.value(), time(row[1]));
                                    })
                                    .collect().asList().replaceWithVoid());
                });
    }

    /** The caller's own achievements (none yet while their account is not known here). */
    @WithSession
    public Uni<AchievementView.Page> mine(UUID userId) {
        return earned(userId);
    }

    /** Another user's achievements; 404 for a user not known here, or deleted (theirs were erased with them). */
    @WithSession
    public Uni<AchievementView.Page> of(UUID userId) {
        return KnownUser.<KnownUser>findById(userId).chain(user -> {
            if (user == null || UserState.DELETED.equals(user.status)) {
                return Uni.createFrom().failure(DomainException.notFound("User " + userId));
            }
            return earned(userId);
        });
    }

    private static Uni<AchievementView.Page> earned(UUID userId) {
        // earned together (one transaction, one earned_at): in the catalogue's order
        return NativeRows.list(EARNED, userId).map(rows -> new AchievementView.Page(userId, rows.stream()
                .map(row -> AchievementView.of(Achievement.of((String) row[0]), time(row[2])))
                .sorted(Comparator.comparing(AchievementView::earnedAt)
                        .thenComparing(view -> Achievement.of(view.achievement())))
                .toList()));
    }

    /** Within the transaction that applies an account's deletion. */
    public static Uni<Integer> erase(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ERASE).setParameter(1, userId).executeUpdate());
    }

    static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime t ? t : value instanceof LocalDateTime l ? l.atOffset(ZoneOffset.UTC) : null;
    }
}
