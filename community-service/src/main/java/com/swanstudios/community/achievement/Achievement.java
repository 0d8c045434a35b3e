package com.swanstudios.community.achievement;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every achievement and its rule, in this one place (DOMAIN.md, Communities): a user earns one, once, when what its
 * {@link Measure} counts for them reaches its threshold. {@link AchievementService} judges the rules of a measure
 * whenever that measure may have grown; the database's primary key makes "once" certain.
 */
public enum Achievement {

    FIRST_COMMUNITY_JOINED(Measure.COMMUNITIES, 1, Tier.BRONZE, "Joined a first community"),
    FIVE_COMMUNITIES(Measure.COMMUNITIES, 5, Tier.SILVER, "A member of five communities at once"),
    FIRST_CHALLENGE_JOINED(Measure.CHALLENGES_JOINED, 1, Tier.BRONZE, "Took part in a first challenge"),
    FIRST_CHALLENGE_COMPLETED(Measure.CHALLENGES_COMPLETED, 1, Tier.SILVER, "Reached the goal of a first challenge"),
    THREE_CHALLENGES_COMPLETED(Measure.CHALLENGES_COMPLETED, 3, Tier.GOLD, "Reached the goal of three challenges"),
    TEN_CHALLENGES_COMPLETED(Measure.CHALLENGES_COMPLETED, 10, Tier.PLATINUM, "Reached the goal of ten challenges");

    /** What a rule counts for one user, as SQL with the user's id as $1. */
    public enum Measure {
        COMMUNITIES("select count(*) from membership where user_id = $1 and status = 'active'"),
        CHALLENGES_JOINED("select count(*) from participant where user_id = $1"),
        CHALLENGES_COMPLETED("select count(*) from participant where user_id = $1 and completed_at is not null");

        final String sql;

        Measure(String sql) {
            this.sql = sql;
        }
    }

    public enum Tier {
        BRONZE, SILVER, GOLD, PLATINUM;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public final Measure measure;
    public final long threshold;
    public final Tier tier;
    public final String title;

    Achievement(Measure measure, long threshold, Tier tier, String title) {
        this.measure = measure;
        this.threshold = threshold;
        this.tier = tier;
        this.title = title;
    }

    /** As stored, shown and published: lower snake case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Achievement of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The achievements a user with {@code count} of this measure has met. */
    static List<Achievement> metBy(Measure measure, long count) {
        return Arrays.stream(values()).filter(a -> a.measure == measure && count >= a.threshold).toList();
    }
}
