package com.swanstudios.community.activity;

import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stages {@code community.activity.v1} (contracts/asyncapi.yaml) in the caller's transaction, through the outbox: the
 * event exists exactly when the change does. Ids only, never content. A user's events are keyed by their id, so they
 * stay in order, and versioned by their {@code user_activity} counter, raised under its row lock; a cancelled event's
 * are keyed by the event's id, one record per {@value #ATTENDEES_PER_RECORD} attendees, versioned 1, 2, … in order.
 * Callers take the counter last, after every other lock of their transaction.
 */
@ApplicationScoped
public class ActivityEvents {

    public static final String TOPIC = "community.activity.v1";
    static final String TYPES = "com.swanstudios.community.";
    /** 500 ids are about 20 kB: far below Kafka's 1 MB default, however many wait for a popular event. */
    static final int ATTENDEES_PER_RECORD = 500;

    private static final String NEXT_VERSION = """
            insert into user_activity (user_id, version) values ($1, 1)
            on conflict (user_id) do update set version = user_activity.version + 1 returning version""";
    private static final String LOCK = """
            insert into user_activity (user_id, version) values ($1, 0)
            on conflict (user_id) do update set version = user_activity.version returning version""";

    /** A user became an active member (joined an open community, was accepted, accepted an invitation, founded it). */
    public record MemberJoined(UUID userId, UUID communityId, String role, OffsetDateTime occurredAt) {
    }

    /** A user stopped being an active member (left, was removed, or their account was deleted). */
    public record MemberLeft(UUID userId, UUID communityId, OffsetDateTime occurredAt) {
    }

    public record AchievementEarned(UUID userId, String achievement, String tier, OffsetDateTime earnedAt) {
    }

    public record ChallengeCompleted(UUID userId, UUID challengeId, UUID communityId, OffsetDateTime completedAt) {
    }

    /** Those who answered going (confirmed or waitlisted), part of parts when there are more than fit one record. */
    public record EventCancelled(UUID eventId, UUID communityId, List<UUID> attendeeIds, int part, int parts) {
    }

    private final Outbox outbox;

    public ActivityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The user's counter row, locked for the rest of the transaction: what an award takes before it counts what the
     * user did, so that two transactions of one user judge their achievements one after the other.
     */
    public Uni<Void> lockUser(UUID userId) {
        return NativeRows.list(LOCK, userId).replaceWithVoid();
    }

    public Uni<Void> memberJoined(UUID userId, UUID communityId, String role, OffsetDateTime at) {
        return ofUser(userId, "member.joined", new MemberJoined(userId, communityId, role, at));
    }

    public Uni<Void> memberLeft(UUID userId, UUID communityId, OffsetDateTime at) {
        return ofUser(userId, "member.left", new MemberLeft(userId, communityId, at));
    }

    public Uni<Void> achievementEarned(UUID userId, String achievement, String tier, OffsetDateTime at) {
        return ofUser(userId, "achievement.earned", new AchievementEarned(userId, achievement, tier, at));
    }

    public Uni<Void> challengeCompleted(UUID userId, UUID challengeId, UUID communityId, OffsetDateTime at) {
        return ofUser(userId, "challenge.completed", new ChallengeCompleted(userId, challengeId, communityId, at));
    }

    /** An event is cancelled only once, so its records' versions start at 1. */
    public Uni<Void> eventCancelled(UUID eventId, UUID communityId, List<UUID> attendees) {
        List<List<UUID>> parts = new ArrayList<>();
        for (int from = 0; from < attendees.size() || parts.isEmpty(); from += ATTENDEES_PER_RECORD) {
            parts.add(List.copyOf(attendees.subList(from, Math.min(attendees.size(), from + ATTENDEES_PER_RECORD))));
        }
        List<OutboundEvent> records = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            records.add(new OutboundEvent(TOPIC, TYPES + "event.cancelled", eventId.toString(), i + 1,
                    new EventCancelled(eventId, communityId, parts.get(i), i + 1, parts.size())));
        }
        return Multi.createFrom().iterable(records).onItem().transformToUniAndConcatenate(outbox::stage)
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> ofUser(UUID userId, String type, Object payload) {
        return NativeRows.<Long>value(NEXT_VERSION, userId)
                .chain(version -> outbox.stage(new OutboundEvent(TOPIC, TYPES + type, userId.toString(), version, payload)))
                .replaceWithVoid();
    }
}
