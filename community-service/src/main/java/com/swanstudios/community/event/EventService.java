package com.swanstudios.community.event;

import com.swanstudios.community.activity.ActivityEvents;
import com.swanstudios.community.community.Community;
import com.swanstudios.community.community.CommunityRules;
import com.swanstudios.community.membership.CommunityRole;
import com.swanstudios.community.membership.Members;
import com.swanstudios.community.membership.Membership;
import com.swanstudios.community.user.KnownUser;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events' transactions: host, read, list a window of them, change, cancel (which tells those going through
 * {@code community.activity.v1}). The rules are {@link EventRules}; answers are {@link AttendanceService}'s.
 */
@ApplicationScoped
public class EventService {

    private static final String COUNTS = """
            select event_id, count(*) filter (where status = 'confirmed'), count(*) filter (where status = 'waitlisted'),
                   count(*) filter (where answer = 'interested')
            from event_attendance where event_id = any($1) group by event_id""";
    private static final String MINE = """
            select a.event_id, a.answer, a.status, case when a.status = 'waitlisted' then (select count(*) from event_attendance w
                where w.event_id = a.event_id and w.status = 'waitlisted' and w.queued <= a.queued) end
            from event_attendance a where a.event_id = any($1) and a.user_id = $2""";
    /** Confirmed first, then the waiting list in its order. */
    private static final String GOING = """
            select user_id from event_attendance where event_id = $1 and answer = 'going' order by status, queued""";

    private final ActivityEvents activity;

    public EventService(ActivityEvents activity) {
        this.activity = activity;
    }

    @WithTransaction
    public Uni<EventView> create(UUID actorId, UUID communityId, NewEvent request) {
        OffsetDateTime now = Members.now();
        EventRules.requireSensible(request, now);
        return Community.<Community>findById(communityId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + communityId))
                .chain(community -> KnownUser.<KnownUser>findById(actorId)
                        .invoke(actor -> KnownUser.requireMayPublish(actor, actorId))
                        .chain(() -> Members.of(communityId, actorId))
                        .invoke(mine -> CommunityRole.requireMayRunEvents(mine == null ? null : mine.activeRole(), "host events")))
                .chain(() -> {
                    CommunityEvent e = new CommunityEvent();
                    e.id = Ids.newId();
                    e.communityId = communityId;
                    e.createdBy = actorId;
                    EventRules.describe(e, request);
                    e.status = CommunityEvent.SCHEDULED;
                    e.createdAt = now;
                    return e.<CommunityEvent>persist().map(saved -> EventView.of(saved, EventView.Answers.NONE));
                });
    }

    @WithSession
    public Uni<EventView> get(UUID viewer, UUID communityId, UUID eventId) {
        return visible(viewer, communityId, eventId, false).chain(e -> viewOf(e, viewer));
    }

    /** The events that end after {@code from} and start before {@code to} (if given), by start, a page at a time. */
    @WithSession
    public Uni<EventView.Page> list(UUID viewer, UUID communityId, OffsetDateTime from, OffsetDateTime to, UUID after,
            int limit) {
        return Community.<Community>findById(communityId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Community " + communityId))
                .chain(community -> Members.of(communityId, viewer)
                        .invoke(mine -> CommunityRules.requireContentVisible(community, mine)))
                .chain(() -> after == null ? Uni.createFrom().<CommunityEvent>nullItem()
                        : CommunityEvent.<CommunityEvent>findById(after).invoke(cursor -> {
                            if (cursor == null || !cursor.communityId.equals(communityId)) {
                                throw DomainException.invalidField("cursor", "is not a cursor of this list");
                            }
                        }))
                .chain(cursor -> {
                    StringBuilder where = new StringBuilder("communityId = ?1 and endsAt > ?2");
                    List<Object> parameters = new ArrayList<>(List.of(communityId, from));
                    if (to != null) {
                        parameters.add(to);
                        where.append(" and startsAt < ?").append(parameters.size());
                    }
                    if (cursor != null) {
                        parameters.add(cursor.startsAt);
                        parameters.add(cursor.id);
                        where.append(" and (startsAt > ?").append(parameters.size() - 1).append(" or (startsAt = ?")
                                .append(parameters.size() - 1).append(" and id > ?").append(parameters.size()).append("))");
                    }
                    return CommunityEvent.<CommunityEvent>find(where + " order by startsAt, id", parameters.toArray())
                            .page(0, limit + 1).list();
                })
                .chain(found -> {
                    IdCursor.Slice<CommunityEvent> page = IdCursor.slice(found, limit, e -> e.id);
                    return answers(page.items().stream().map(e -> e.id).toList(), viewer).map(answers -> new EventView.Page(
                            page.items().stream().map(e -> EventView.of(e, answers.getOrDefault(e.id, EventView.Answers.NONE)))
                                    .toList(), page.nextCursor()));
                });
    }

    /**
     * A moderator or above changes an event that has not ended (under its lock, so no answer runs meanwhile); a larger
     * capacity confirms the first of the waiting list at once.
     */
    @WithTransaction
    public Uni<EventView> change(UUID actorId, UUID communityId, UUID eventId, EventChange change) {
        return runnable(actorId, communityId, eventId, "change events").chain(e -> {
            int placesBefore = e.capacity;
            return NativeRows.<Long>value(AttendanceService.CONFIRMED, eventId)
                    .invoke(confirmed -> EventRules.change(e, change, confirmed, Members.now()))
                    // only new places free any: the waiting list moves up into them (fill reads the capacity written)
                    .chain(() -> e.capacity > placesBefore
                            ? Panache.getSession().chain(session -> session.flush()).chain(() -> AttendanceService.fill(eventId))
                            : Uni.createFrom().voidItem())
                    .chain(() -> viewOf(e, actorId));
        });
    }

    /** A moderator or above cancels an event that has not ended; those going (confirmed or waiting) are told. */
    @WithTransaction
    public Uni<EventView> cancel(UUID actorId, UUID communityId, UUID eventId) {
        return runnable(actorId, communityId, eventId, "cancel events").chain(e -> {
            e.status = CommunityEvent.CANCELLED;
            e.cancelledAt = Members.now();
            return NativeRows.list(GOING, eventId)
                    .call(going -> activity.eventCancelled(eventId, communityId, going.stream().map(row -> (UUID) row[0]).toList()))
                    .chain(() -> viewOf(e, actorId));
        });
    }

    /** The event, locked, if the actor (active, a moderator or above) may {@code act} on it and it has not ended. */
    private static Uni<CommunityEvent> runnable(UUID actorId, UUID communityId, UUID eventId, String act) {
        return visible(actorId, communityId, eventId, true).call(e -> KnownUser.<KnownUser>findById(actorId)
                .invoke(actor -> KnownUser.requireActive(actor, actorId))
                .chain(() -> Members.of(communityId, actorId))
                .invoke(mine -> {
                    CommunityRole.requireMayRunEvents(mine == null ? null : mine.activeRole(), act);
                    EventRules.requireOpen(e, Members.now());
                }));
    }

    private static Uni<EventView> viewOf(CommunityEvent e, UUID viewer) {
        return answers(List.of(e.id), viewer).map(answers -> EventView.of(e, answers.getOrDefault(e.id, EventView.Answers.NONE)));
    }

    /** The event (locked for the rest of the transaction when {@code lock}) if the caller may see it; else 404. */
    static Uni<CommunityEvent> visible(UUID viewer, UUID communityId, UUID eventId, boolean lock) {
        Uni<CommunityEvent> event = lock ? CommunityEvent.<CommunityEvent>findById(eventId, LockModeType.PESSIMISTIC_WRITE)
                : CommunityEvent.<CommunityEvent>findById(eventId);
        return event.chain(e -> Community.<Community>findById(communityId)
                .chain(community -> Members.of(communityId, viewer)
                        .map(mine -> EventRules.requireVisible(e, communityId, community, mine))));
    }

    /** Per event: how many answered what, and the viewer's own answer and place. */
    private static Uni<Map<UUID, EventView.Answers>> answers(List<UUID> events, UUID viewer) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] ids = events.toArray(UUID[]::new);
        return NativeRows.list(COUNTS, (Object) ids).chain(counts -> NativeRows.list(MINE, ids, viewer).map(mine -> {
            Map<UUID, AttendanceView> own = new HashMap<>();
            for (Object[] row : mine) {
                own.put((UUID) row[0], new AttendanceView((String) row[1], (String) row[2], row[3] == null ? null
                        : ((Number) row[3]).longValue()));
            }
            Map<UUID, EventView.Answers> result = new HashMap<>();
            for (Object[] row : counts) {
                result.put((UUID) row[0], new EventView.Answers(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue(), own.get((UUID) row[0])));
            }
            return result;
        }));
    }
}
