package com.swanstudios.community.challenge;

import com.swanstudios.community.community.Community;
import com.swanstudios.community.community.CommunityRules;
import com.swanstudios.community.membership.Membership;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of challenges (DOMAIN.md, Communities), in one place.
 * <ul>
 * <li>Created inside a community by an active member whose platform role is trainer or admin (the role identity.user.v1
 * carries), with a verified email.</li>
 * <li>Status follows the dates: upcoming before the start, active from the start until the end, completed after.</li>
 * <li>individual and team challenges are for the community's active members; a global one is open to every active
 * user of the platform, and seen by all, even in a private community. A team challenge is joined into one team.</li>
 * <li>Progress counts only while active, once per idempotency key, and never beyond the goal. Points are progress ×
 * pointsPerUnit, plus the completion bonus once the goal is reached.</li>
 * <li>The leaderboard ranks by points; among equal points, whoever reached them first ranks higher.</li>
 * </ul>
 */
public final class ChallengeRules {

    public static final String TYPES = "^(individual|team|global)$";
    public static final String UNITS = "^(reps|km|miles|minutes|hours|sessions|steps|calories|kg)$";
    public static final String KEY = "^[A-Za-z0-9._:-]{1,64}$";
    public static final long MAX_GOAL = 1_000_000_000L;
    public static final Duration LONGEST = Duration.ofDays(366);
    static final String UPCOMING = "upcoming";
    static final String ACTIVE = "active";
    static final String COMPLETED = "completed";
    private static final Set<String> CREATORS = Set.of("trainer", "admin");

    private ChallengeRules() {
    }

    static String status(Challenge c, OffsetDateTime now) {
        return now.isBefore(c.startsAt) ? UPCOMING : now.isBefore(c.endsAt) ? ACTIVE : COMPLETED;
    }

    static void requireMayCreate(KnownUser creator, java.util.UUID id, Membership membership) {
        KnownUser.requireMayPublish(creator, id);
        if (!CREATORS.contains(creator.role)) {
            throw DomainException.forbidden("Only trainers and admins create challenges");
        }
        if (membership == null || !membership.isActive()) {
            throw DomainException.forbidden("Only the community's members create challenges in it");
        }
    }

    static void requireSensibleDates(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!endsAt.isAfter(startsAt)) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        } else if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            errors.add(new Problem.FieldError("endsAt", "must be at most 366 days after startsAt"));
        }
        if (!endsAt.isAfter(now)) {
            errors.add(new Problem.FieldError("endsAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** Whether this caller (their membership in the challenge's community, or null) sees the challenge. */
    static boolean visibleTo(Challenge c, Community community, Membership caller) {
        return Challenge.GLOBAL.equals(c.type) || CommunityRules.contentVisibleTo(community, caller);
    }

    /** Who may join: anyone active for a global challenge, else the community's active members; never once it ended. */
    static void requireMayJoin(Challenge c, Membership caller, String team, OffsetDateTime now) {
        if (COMPLETED.equals(status(c, now))) {
            throw new DomainException(409, "challenge-ended", "Conflict", "This challenge ended at " + c.endsAt);
        }
        if (!Challenge.GLOBAL.equals(c.type) && (caller == null || !caller.isActive())) {
            throw new DomainException(403, "members-only", "Forbidden", "Only the community's members join this challenge");
        }
        if (Challenge.TEAM.equals(c.type) && team == null) {
            throw DomainException.invalidField("team", "a team challenge is joined into a team: name it");
        }
        if (!Challenge.TEAM.equals(c.type) && team != null) {
            throw DomainException.invalidField("team", "only a team challenge has teams");
        }
    }

    static void requireActive(Challenge c, OffsetDateTime now) {
        String status = status(c, now);
        if (!ACTIVE.equals(status)) {
            throw new DomainException(409, "challenge-not-active", "Conflict", "Progress counts only while a challenge is "
                    + "active; this one is " + status);
        }
    }

    /** What a report adds: all of it, or what is left up to the goal. */
    static long counted(long amount, long progress, long goal) {
        return Math.max(0, Math.min(amount, goal - progress));
    }

    static long points(Challenge c, long progress) {
        return progress * c.pointsPerUnit + (progress >= c.goal ? c.completionBonus : 0);
    }
}
