package com.swanstudios.cart.sessions;

import com.swanstudios.cart.user.KnownUser;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Trainers' availability. Who is a trainer is what identity.user.v1 last said ({@link KnownUser}); a trainer
 * publishes for themself, an admin for any trainer. The database refuses overlapping slots of one trainer.
 */
@ApplicationScoped
public class SlotService {

    static final String TRAINER = "trainer";
    static final String ACTIVE = "active";
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    static final Duration MAX_WINDOW = Duration.ofDays(92);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(31);

    public Uni<SlotView> publish(UUID actor, boolean admin, SlotRequest request) {
        UUID trainerId = request.trainerId() == null ? actor : request.trainerId();
        OffsetDateTime now = now();
        OffsetDateTime startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        if (!trainerId.equals(actor) && !admin) {
            throw DomainException.forbidden("Only an admin may publish slots for another trainer");
        }
        if (!startsAt.isAfter(now)) {
            throw DomainException.invalidField("startsAt", "must be in the future");
        }
        if (startsAt.isAfter(now.plus(MAX_AHEAD))) {
            throw DomainException.invalidField("startsAt", "must be within a year");
        }
        return Panache.withTransaction(() -> trainer(trainerId, trainerId.equals(actor)).chain(trainer -> {
            TrainingSlot slot = new TrainingSlot();
            slot.id = Ids.newId();
            slot.trainerId = trainerId;
            slot.startsAt = startsAt;
            slot.durationMinutes = request.durationMinutes();
            slot.endsAt = startsAt.plusMinutes(slot.durationMinutes);
            slot.location = request.location().strip();
            slot.status = TrainingSlot.OPEN;
            slot.createdBy = actor;
            slot.createdAt = now;
            slot.updatedAt = now;
            return slot.persist().call(() -> Panache.getSession().chain(s -> s.flush()))
                    .map(saved -> SlotView.of(slot, trainer.displayName));
        })).onFailure(e -> DatabaseErrors.constraint(e).map("training_slot_no_overlap"::equals).orElse(false))
                .transform(e -> new DomainException(409, "slot-overlaps", "Conflict",
                        "This slot overlaps another of the trainer's slots"));
    }

    /** Open slots starting within [from, to), soonest first. */
    public Uni<List<SlotView>> open(UUID trainerId, OffsetDateTime from, OffsetDateTime to, int limit) {
        OffsetDateTime now = now();
        OffsetDateTime start = from == null || from.isBefore(now) ? now : from;
        OffsetDateTime end = to == null ? start.plus(DEFAULT_WINDOW) : to;
        if (!end.isAfter(start)) {
            throw DomainException.invalidField("to", "must be after from (and after now)");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw DomainException.invalidField("to", "must be at most 92 days after from");
        }
        return Panache.withSession(() -> (trainerId == null
                ? TrainingSlot.<TrainingSlot>find("status = ?1 and startsAt >= ?2 and startsAt < ?3 order by startsAt, id",
                        TrainingSlot.OPEN, start, end)
                : TrainingSlot.<TrainingSlot>find("status = ?1 and startsAt >= ?2 and startsAt < ?3 and trainerId = ?4 "
                        + "order by startsAt, id", TrainingSlot.OPEN, start, end, trainerId))
                .page(0, limit).list()
                .chain(slots -> names(slots.stream().map(s -> s.trainerId).distinct().toList())
                        .map(names -> slots.stream().map(s -> SlotView.of(s, names.get(s.trainerId))).toList())));
    }

    /** Withdraws an unbooked slot: its trainer or an admin. A withdrawn slot stays withdrawn. */
    public Uni<Void> withdraw(UUID actor, boolean admin, UUID slotId) {
        return Panache.withTransaction(() -> TrainingSlot.<TrainingSlot>findById(slotId, LockModeType.PESSIMISTIC_WRITE)
                .invoke(slot -> {
                    if (slot == null || !(admin || slot.trainerId.equals(actor))) {
                        throw DomainException.notFound("Slot " + slotId);
                    }
                    if (TrainingSlot.BOOKED.equals(slot.status)) {
                        throw new DomainException(409, "slot-booked", "Conflict",
                                "This slot is booked: cancel its session first (the client gets the credit back)");
                    }
                    slot.status = TrainingSlot.WITHDRAWN;
                    slot.updatedAt = now();
                })).replaceWithVoid();
    }

    /** The trainer, as identity.user.v1 last described them; 403 (oneself) or 400 (another) if not an active trainer. */
    private static Uni<KnownUser> trainer(UUID trainerId, boolean self) {
        return KnownUser.<KnownUser>findById(trainerId).invoke(user -> {
            if (user == null || !TRAINER.equals(user.role) || !ACTIVE.equals(user.status)) {
                throw self ? DomainException.forbidden("Only trainers publish availability slots (as this service last heard "
                        + "of your role)") : DomainException.invalidField("trainerId", "is not an active trainer");
            }
        });
    }

    static Uni<Map<UUID, String>> names(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return KnownUser.<KnownUser>list("id in ?1", ids)
                .map(users -> users.stream().collect(Collectors.toMap(u -> u.id, u -> u.displayName, (a, b) -> a)));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
