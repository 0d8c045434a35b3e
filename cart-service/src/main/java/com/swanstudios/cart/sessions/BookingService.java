package com.swanstudios.cart.sessions;

import com.swanstudios.cart.credits.CreditLedger;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Booking, in one transaction each: the slot's row is locked first (one booking per slot), the session's time is
 * checked against the client's other sessions by the database, and the credit is spent in the ledger, whose
 * balance cannot go below zero, so concurrent bookings of a last credit or of one slot leave exactly one booked.
 * A cancellation gives the credit back when the client cancels 24 hours or more ahead, or when the trainer or
 * an admin cancels; the ledger takes one refund per booking.
 */
@ApplicationScoped
public class BookingService {

    static final Duration FREE_CANCELLATION = Duration.ofHours(24);
    /** The database's refusals of a booking, by constraint, as the client reads them. */
    private static final Map<String, Supplier<DomainException>> OVERLAPS = Map.of(
            "training_session_client_free", () -> new DomainException(409, "session-overlaps", "Conflict",
                    "You already have a session at that time"),
            "training_session_trainer_free", () -> new DomainException(409, "session-overlaps", "Conflict",
                    "The trainer already has a session at that time"),
            "training_session_one_per_slot", BookingService::slotTaken);

    private final CreditLedger ledger;

    public BookingService(CreditLedger ledger) {
        this.ledger = ledger;
    }

    public Uni<SessionView> book(UUID client, UUID slotId) {
        return mapOverlaps(Panache.withTransaction(() -> bookIn(client, slotId)));
    }

    /**
     * Cancels as the actor; the credit comes back under the 24-hour rule. The slot opens again for others, unless
     * its trainer cancelled (then it is withdrawn).
     */
    public Uni<SessionView> cancel(UUID actor, boolean admin, UUID sessionId, String reason) {
        return Panache.withTransaction(() -> cancelIn(actor, admin, sessionId, reason)).map(SessionView::of);
    }

    /** A cancellation and a booking in one transaction: both happen under their rules, or neither. */
    public Uni<SessionView> reschedule(UUID client, UUID sessionId, UUID slotId) {
        return mapOverlaps(Panache.withTransaction(() -> TrainingSession.<TrainingSession>findById(sessionId).chain(session -> {
            if (session == null || !session.clientId.equals(client)) {
                throw DomainException.notFound("Training session " + sessionId);
            }
            return cancelIn(client, false, sessionId, "rescheduled").chain(() -> bookIn(client, slotId));
        })));
    }

    public Uni<SessionView> confirm(UUID actor, boolean admin, UUID sessionId) {
        return move(actor, admin, sessionId, Set.of(TrainingSession.SCHEDULED), TrainingSession.CONFIRMED, false);
    }

    public Uni<SessionView> complete(UUID actor, boolean admin, UUID sessionId) {
        return move(actor, admin, sessionId, Set.copyOf(TrainingSession.LIVE), TrainingSession.COMPLETED, true);
    }

    public Uni<SessionView> noShow(UUID actor, boolean admin, UUID sessionId) {
        return move(actor, admin, sessionId, Set.copyOf(TrainingSession.LIVE), TrainingSession.NO_SHOW, true);
    }

    public Uni<SessionView> get(UUID actor, boolean admin, UUID sessionId) {
        return Panache.withSession(() -> TrainingSession.<TrainingSession>findById(sessionId).map(session -> {
            if (session == null || !(admin || session.involves(actor))) {
                throw DomainException.notFound("Training session " + sessionId);
            }
            return SessionView.of(session);
        }));
    }

    /** The user's sessions as client and as trainer (or only one side), newest booking first. */
    public Uni<IdCursor.Slice<SessionView>> mine(UUID user, String side, UUID after, int limit) {
        String who = switch (side == null ? "" : side) {
            case "client" -> "clientId = :user";
            case "trainer" -> "trainerId = :user";
            default -> "(clientId = :user or trainerId = :user)";
        };
        Map<String, Object> params = after == null ? Map.of("user", user) : Map.of("user", user, "after", after);
        return Panache.withSession(() -> TrainingSession.<TrainingSession>find(who + (after == null ? "" : " and id < :after")
                        + " order by id desc", params).page(0, limit + 1).list())
                .map(found -> {
                    IdCursor.Slice<TrainingSession> page = IdCursor.slice(found, limit, s -> s.id);
                    return new IdCursor.Slice<>(page.items().stream().map(SessionView::of).toList(), page.nextCursor());
                });
    }

    /**
     * A deleted account, within the caller's transaction: its future sessions are cancelled (those it trains with the
     * clients' credits given back, as any cancellation by a trainer) and its open slots withdrawn. How many sessions.
     */
    public Uni<Integer> accountDeleted(UUID user) {
        OffsetDateTime now = SlotService.now();
        return TrainingSession.<TrainingSession>list("(clientId = ?1 or trainerId = ?1) and status in ?2 and startsAt > ?3 "
                        + "order by id", user, TrainingSession.LIVE, now)
                .chain(sessions -> Multi.createFrom().iterable(sessions).onItem()
                        .transformToUniAndConcatenate(session -> cancelIn(user, false, session.id, "account deleted"))
                        .collect().asList().map(List::size))
                .call(() -> TrainingSlot.update("status = ?1, updatedAt = ?2 where trainerId = ?3 and status = ?4",
                        TrainingSlot.WITHDRAWN, now, user, TrainingSlot.OPEN));
    }

    private Uni<SessionView> bookIn(UUID client, UUID slotId) {
        return TrainingSlot.<TrainingSlot>findById(slotId, LockModeType.PESSIMISTIC_WRITE).chain(slot -> {
            OffsetDateTime now = SlotService.now();
            if (slot == null || TrainingSlot.WITHDRAWN.equals(slot.status)) {
                throw DomainException.notFound("Slot " + slotId);
            }
            if (!TrainingSlot.OPEN.equals(slot.status)) {
                throw slotTaken();
            }
            if (!slot.startsAt.isAfter(now)) {
                throw new DomainException(409, "slot-past", "Conflict", "This slot has already started");
            }
            if (slot.trainerId.equals(client)) {
                throw new DomainException(409, "own-slot", "Conflict", "You cannot book your own slot");
            }
            TrainingSession session = new TrainingSession();
            session.id = Ids.newId();
            session.slotId = slot.id;
            session.trainerId = slot.trainerId;
            session.clientId = client;
            session.startsAt = slot.startsAt;
            session.endsAt = slot.endsAt;
            session.status = TrainingSession.SCHEDULED;
            session.createdAt = now;
            session.updatedAt = now;
            slot.status = TrainingSlot.BOOKED;
            slot.updatedAt = now;
            return session.persist().call(BookingService::flush)
                    .call(() -> ledger.add(new CreditLedger.Entry(client, CreditLedger.Kind.SPENT, -1, null, session.id,
                            "training session " + session.id, client)))
                    .replaceWith(() -> SessionView.of(session));
        });
    }

    private Uni<TrainingSession> cancelIn(UUID actor, boolean admin, UUID sessionId, String reason) {
        return locked(actor, admin, sessionId).chain(session -> {
            if (!TrainingSession.LIVE.contains(session.status)) {
                throw new DomainException(409, "session-not-cancellable", "Conflict", "This session is " + session.status
                        + ": only a scheduled or confirmed session can be cancelled");
            }
            OffsetDateTime now = SlotService.now();
            boolean byClient = session.clientId.equals(actor) && !admin;
            boolean byTrainer = session.trainerId.equals(actor);
            session.status = TrainingSession.CANCELLED;
            session.cancelledBy = actor;
            session.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
            session.cancelledAt = now;
            session.updatedAt = now;
            session.refunded = !byClient || !now.plus(FREE_CANCELLATION).isAfter(session.startsAt);
            return TrainingSlot.<TrainingSlot>findById(session.slotId, LockModeType.PESSIMISTIC_WRITE).invoke(slot -> {
                slot.status = byTrainer ? TrainingSlot.WITHDRAWN : TrainingSlot.OPEN;
                slot.updatedAt = now;
            }).call(BookingService::flush).chain(() -> session.refunded
                    ? ledger.add(new CreditLedger.Entry(session.clientId, CreditLedger.Kind.REFUNDED, 1, null, session.id,
                            "training session " + session.id + " cancelled", actor)).replaceWith(session)
                    : Uni.createFrom().item(session));
        });
    }

    /** The trainer's (or an admin's) moves: confirm, complete, no-show; the last two only once the session began. */
    private Uni<SessionView> move(UUID actor, boolean admin, UUID sessionId, Set<String> from, String to, boolean afterStart) {
        return Panache.withTransaction(() -> locked(actor, admin, sessionId).chain(session -> {
            if (!admin && !session.trainerId.equals(actor)) {
                throw DomainException.forbidden("Only the session's trainer or an admin may mark it " + to);
            }
            if (!from.contains(session.status)) {
                throw new DomainException(409, "session-status", "Conflict", "This session is " + session.status
                        + " and cannot become " + to);
            }
            OffsetDateTime now = SlotService.now();
            if (afterStart && now.isBefore(session.startsAt)) {
                throw new DomainException(409, "session-not-started", "Conflict", "A session is marked " + to
                        + " only after it starts (" + session.startsAt + ")");
            }
            session.status = to;
            session.updatedAt = now;
            return flush().replaceWith(() -> SessionView.of(session));
        }));
    }

    /** The session, locked; 404 to anyone but its client, its trainer and admins. */
    private static Uni<TrainingSession> locked(UUID actor, boolean admin, UUID sessionId) {
        return TrainingSession.<TrainingSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE).invoke(session -> {
            if (session == null || !(admin || session.involves(actor))) {
                throw DomainException.notFound("Training session " + sessionId);
            }
        });
    }

    private static Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    private static <T> Uni<T> mapOverlaps(Uni<T> work) {
        return work.onFailure(e -> DatabaseErrors.constraint(e).map(OVERLAPS::containsKey).orElse(false))
                .transform(e -> OVERLAPS.get(DatabaseErrors.constraint(e).orElseThrow()).get());
    }

    private static DomainException slotTaken() {
        return new DomainException(409, "slot-taken", "Conflict", "This slot is already booked");
    }
}
