package com.swanstudios.cart.credits;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The session-credit ledger: entries are only added, each in the caller's transaction with its
 * {@code commerce.credits.v1} event. The database keeps the balance beside the entries (a trigger) and refuses
 * the entry that would take it below zero, so the rules hold under any concurrency; this class turns that
 * refusal into a 409 a client can read.
 */
@ApplicationScoped
public class CreditLedger {

    public static final String TOPIC = "commerce.credits.v1";
    static final String TYPE_PREFIX = "com.swanstudios.commerce.credits.";

    private static final String ADD = """
            insert into credit_entry (id, user_id, kind, amount, order_id, booking_id, reason, actor_id, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning balance_after, balance_version""";
    /** The balance's CHECK (balance >= 0), named by PostgreSQL's default. */
    private static final String BALANCE_CHECK = "credit_balance_balance_check";
    private static final String FROZEN =
            "select cast(coalesce(-sum(amount), 0) as integer) from credit_entry where order_id = $1 and kind = 'frozen'";
    private static final String BALANCE = "select coalesce((select balance from credit_balance where user_id = $1), 0)";

    /** The kinds of entry; each is also the last part of its event's type ({@code ….credits.granted}). */
    public enum Kind {
        GRANTED, SPENT, REFUNDED, REVERSED, ADJUSTED, FROZEN, RELEASED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What an entry is about: the order it came from or the booking it paid, a reason and who wrote it. */
    public record Entry(UUID userId, Kind kind, int amount, UUID orderId, UUID bookingId, String reason, UUID actorId) {
    }

    private final Outbox outbox;

    public CreditLedger(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds an entry and stages its event; the new balance. An entry that would take the balance below zero fails
     * with 409 {@code insufficient-credits} and nothing is written (the caller's transaction rolls back).
     */
    public Uni<CreditEvent> add(Entry entry) {
        UUID id = Ids.newId();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        return NativeRows.one(ADD, id, entry.userId(), entry.kind().wireName(), entry.amount(), entry.orderId(), entry.bookingId(),
                        entry.reason(), entry.actorId(), at)
                .map(row -> new CreditEvent(id, entry.userId(), entry.kind().wireName(), entry.amount(), ((Number) row[0]).intValue(),
                        entry.orderId(), entry.bookingId(), entry.reason(), at, ((Number) row[1]).longValue()))
                .onFailure(CreditLedger::belowZero).transform(e -> insufficient(entry))
                .call(event -> outbox.stage(new OutboundEvent(TOPIC, TYPE_PREFIX + event.kind(), entry.userId().toString(),
                        event.version(), event)));
    }

    /** The credits an order's dispute holds (its frozen entry), within the caller's session; 0 if none. */
    public Uni<Integer> frozen(UUID orderId) {
        return NativeRows.<Number>value(FROZEN, orderId).map(Number::intValue);
    }

    /** The user's balance now, within the caller's session (0 for a user without entries). */
    public Uni<Integer> balance(UUID userId) {
        return NativeRows.<Number>value(BALANCE, userId).map(Number::intValue);
    }

    /** The user's balance and a page of their entries, newest first, within the caller's session. */
    public Uni<CreditStatement> statement(UUID userId, UUID after, int limit) {
        return balance(userId)
                .chain(balance -> (after == null
                        ? CreditEntry.<CreditEntry>find("userId = ?1 order by id desc", userId)
                        : CreditEntry.<CreditEntry>find("userId = ?1 and id < ?2 order by id desc", userId, after))
                        .page(0, limit + 1).list()
                        .map(found -> {
                            IdCursor.Slice<CreditEntry> page = IdCursor.slice(found, limit, e -> e.id);
                            return new CreditStatement(balance, page.items().stream().map(CreditEntry::toEvent).toList(),
                                    page.nextCursor());
                        }));
    }

    private static boolean belowZero(Throwable e) {
        return DatabaseErrors.constraint(e).map(BALANCE_CHECK::equals).orElse(false);
    }

    private static DomainException insufficient(Entry entry) {
        return new DomainException(409, "insufficient-credits", "Conflict", entry.kind() == Kind.SPENT
                ? "You have no session credit left: buy a package first"
                : "This would take the balance below zero (" + entry.amount() + " credits)");
    }
}
