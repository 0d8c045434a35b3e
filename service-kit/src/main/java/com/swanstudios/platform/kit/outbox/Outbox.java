package com.swanstudios.platform.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stages an event in the caller's transaction: call it inside the {@code @WithTransaction} that makes the
 * business change, and the event exists exactly when the change does. {@link OutboxRelay} publishes it,
 * woken by the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String LOCK_AGGREGATE_AND_NOTIFY =
            "select count(*) from pg_advisory_xact_lock(hashtextextended($1, 0)), pg_notify($2, '')";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Takes a transaction lock on the aggregate first, so two transactions that stage events for one
     * aggregate are serialised: the one that commits first gets the lower {@code seq}, and the relay's
     * order is the commit order whether or not the callers locked the aggregate's row. The commit also
     * wakes the relay (PostgreSQL delivers a NOTIFY only on commit, once per transaction).
     */
    public Uni<OutboxMessage> stage(OutboundEvent event) {
        return lockAggregate(event.topic(), event.aggregateId()).chain(locked -> insert(event));
    }

    /** The aggregate's transaction lock (and the commit's wake-up call to the relay). */
    private static Uni<Object[]> lockAggregate(String topic, String aggregateId) {
        return NativeRows.one(LOCK_AGGREGATE_AND_NOTIFY, topic + "\n" + aggregateId, OutboxRelay.NOTIFY_CHANNEL);
    }

    private Uni<OutboxMessage> insert(OutboundEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.id = Ids.newId();
        message.topic = event.topic();
        message.eventType = event.type();
        message.aggregateId = event.aggregateId();
        message.aggregateVersion = event.version();
        message.payload = toJson(event.payload());
        message.traceParent = currentTraceParent();
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return message.persist();
    }

    /**
     * Drops every staged or kept event of one aggregate, in the caller's transaction: for erasure, so the
     * personal data in earlier states does not outlive the change that erased it here. Stage the event
     * that announces the erasure after this. Rows the relay is publishing right now are locked by it; this
     * waits for them, so nothing is half-published.
     */
    public Uni<Long> forget(String topic, String aggregateId) {
        // the aggregate's lock first, so no transaction can stage for it between this and the erasure's own
        // event; then its rows in seq order, the order the relay locks in, so the two queue up instead of deadlocking
        return lockAggregate(topic, aggregateId)
                .chain(() -> OutboxMessage.<OutboxMessage>find("topic = ?1 and aggregateId = ?2 order by seq", topic, aggregateId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0L)
                        : OutboxMessage.delete("id in ?1", rows.stream().map(row -> row.id).toList()));
    }

    private String toJson(Object payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + payload.getClass().getName(), e);
        }
    }

    /** The W3C {@code traceparent} of the request that made the change, so the trace continues in consumers. */
    private static String currentTraceParent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
