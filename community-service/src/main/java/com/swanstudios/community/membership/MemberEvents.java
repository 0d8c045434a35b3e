package com.swanstudios.community.membership;

import com.swanstudios.community.achievement.Achievement;
import com.swanstudios.community.achievement.AchievementService;
import com.swanstudios.community.activity.ActivityEvents;
import com.swanstudios.community.event.AttendanceService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What follows, in the same transaction, when a user becomes or stops being an active member, whichever path did it
 * (founding, joining, approval, invitation; leaving, removal, erasure): {@code member.joined} or {@code member.left}
 * on community.activity.v1, the community achievements judged, and a leaver's answers to the community's coming events
 * withdrawn (their confirmed places passing down the waiting lists). Called under the community's lock; takes the
 * events' locks and then the user's activity counter, after it.
 */
@ApplicationScoped
public class MemberEvents {

    private final ActivityEvents activity;
    private final AchievementService achievements;

    public MemberEvents(ActivityEvents activity, AchievementService achievements) {
        this.activity = activity;
        this.achievements = achievements;
    }

    /** The row was just made active. */
    public Uni<Void> joined(Membership m) {
        return activity.memberJoined(m.userId, m.communityId, m.role, m.joinedAt)
                .chain(() -> achievements.judge(m.userId, Achievement.Measure.COMMUNITIES));
    }

    /** An active member left or was removed. */
    public Uni<Void> left(UUID userId, UUID communityId) {
        return AttendanceService.withdraw(userId, communityId)
                .chain(() -> activity.memberLeft(userId, communityId, Members.now()));
    }

    /** A deleted account was active in the community (its answers to events went with the rest of its data). */
    public Uni<Void> erased(UUID userId, UUID communityId) {
        return activity.memberLeft(userId, communityId, Members.now());
    }
}
