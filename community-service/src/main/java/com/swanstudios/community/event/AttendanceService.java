package com.swanstudios.community.event;

import com.swanstudios.community.membership.Members;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Members' answers to events, each under the event row's lock ({@link EventService#visible}), so that answers to
 * one event run one after another: the confirmed never exceed the capacity, and the waiting list is in the order the
 * answers got the lock (event_queue_seq), with positions 1, 2, … and no gap, because a position is counted, not
 * stored. Whenever a confirmed attendee drops out the list moves up ({@link #FILL}).
 */
@ApplicationScoped
public class AttendanceService {

    private static final String ANSWER_OF = "select answer, status from event_attendance where event_id = $1 and user_id = $2";
    static final String CONFIRMED = "select count(*) from event_attendance where event_id = $1 and status = 'confirmed'";
    private static final String SAVE = """
            insert into event_attendance (event_id, user_id, answer, status, queued, answered_at)
            values ($1, $2, $3::varchar, $4::varchar, case when $3::varchar = 'going' then nextval('event_queue_seq') end, now())
            on conflict (event_id, user_id) do update set answer = excluded.answer, status = excluded.status,
                queued = excluded.queued, answered_at = excluded.answered_at
            returning status""";
    private static final String POSITION = """
            select a.status, case when a.status = 'waitlisted' then (select count(*) from event_attendance w
                where w.event_id = a.event_id and w.status = 'waitlisted' and w.queued <= a.queued) end
            from event_attendance a where a.event_id = $1 and a.user_id = $2""";
    /** As many of the waiting list as there are free places, first come first, are confirmed. */
    private static final String FILL = """
            with free as (select greatest(e.capacity - (select count(*) from event_attendance a
                                                        where a.event_id = e.id and a.status = 'confirmed'), 0) as n
                          from community_event e where e.id = $1 and e.status = 'scheduled'),
                 next as (select user_id from event_attendance where event_id = $1 and status = 'waitlisted'
                          order by queued limit coalesce((select n from free), 0))
            update event_attendance a set status = 'confirmed' from next
            where a.event_id = $1 and a.user_id = next.user_id returning a.user_id""";
    /** The events a user answered (of one community, and not over, unless for erasure), locked in id order. */
    private static final String LOCK_ANSWERED = """
            select e.id from community_event e
            where e.id in (select event_id from event_attendance where user_id = $1)
              and ($2::uuid is null or (e.community_id = $2 and e.ends_at > now()))
            order by e.id for update of e""";
    private static final String DROP = """
            delete from event_attendance where user_id = $1 and event_id = any($2) returning event_id, status""";

    @WithTransaction
    public Uni<AttendanceView> answer(UUID userId, UUID communityId, UUID eventId, String answer) {
        return EventService.visible(userId, communityId, eventId, true).chain(event -> KnownUser.<KnownUser>findById(userId)
                .invoke(user -> KnownUser.requireActive(user, userId))
                .chain(() -> Members.of(communityId, userId))
                .invoke(mine -> EventRules.requireMayAnswer(event, mine, Members.now()))
                .chain(() -> NativeRows.list(ANSWER_OF, eventId, userId))
                .chain(earlier -> {
                    String before = earlier.isEmpty() ? null : (String) earlier.get(0)[0];
                    String placeBefore = earlier.isEmpty() ? null : (String) earlier.get(0)[1];
                    if (EventRules.GOING.equals(answer) && EventRules.GOING.equals(before)) {
                        return Uni.createFrom().voidItem(); // already going: keeps the place it has
                    }
                    Uni<String> place = EventRules.GOING.equals(answer)
                            ? NativeRows.<Long>value(CONFIRMED, eventId).map(confirmed -> confirmed < event.capacity
                                    ? EventRules.CONFIRMED : EventRules.WAITLISTED)
                            : Uni.createFrom().nullItem();
                    return place.chain(status -> NativeRows.list(SAVE, eventId, userId, answer, status))
                            .call(() -> EventRules.CONFIRMED.equals(placeBefore) ? fill(eventId) : Uni.createFrom().voidItem())
                            .replaceWithVoid();
                })
                .chain(() -> NativeRows.one(POSITION, eventId, userId))
                .map(row -> new AttendanceView(answer, (String) row[0], row[1] == null ? null : ((Number) row[1]).longValue())));
    }

    /**
     * Within the caller's transaction: the user's answers go, of one community's events that have not ended (they
     * left it) or of every event (their account was deleted, {@code communityId} null), and each waiting list they
     * held a confirmed place on moves up. Takes the events' locks after the caller's community locks.
     */
    public static Uni<Void> withdraw(UUID userId, UUID communityId) {
        return NativeRows.list(LOCK_ANSWERED, userId, communityId).chain(locked -> {
            if (locked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            UUID[] events = locked.stream().map(row -> (UUID) row[0]).toArray(UUID[]::new);
            return NativeRows.list(DROP, userId, events).chain(dropped -> Multi.createFrom().iterable(dropped)
                    .filter(row -> EventRules.CONFIRMED.equals(row[1]))
                    .onItem().transformToUniAndConcatenate(row -> fill((UUID) row[0]))
                    .collect().asList().replaceWithVoid());
        });
    }

    /** Within the caller's transaction (the event locked): the waiting list moves up into the free places. */
    static Uni<Void> fill(UUID eventId) {
        return NativeRows.list(FILL, eventId).replaceWithVoid();
    }
}
