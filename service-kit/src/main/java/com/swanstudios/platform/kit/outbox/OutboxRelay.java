package com.swanstudios.platform.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes staged outbox rows in {@code seq} order and marks them sent, in one database transaction per
 * batch. A transaction-scoped advisory lock lets only one replica relay at a time, so order per aggregate
 * holds however many replicas run. While Kafka is away the relay backs off exponentially and the rows
 * wait; nothing is lost and nothing overtakes. Lag is exposed as {@code outbox.pending} and
 * {@code outbox.oldest.pending.age}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any fixed number: the lock's name among this database's advisory locks. */
    private static final long RELAY_LOCK = 0x5357_414e_4f42L;

    private final Pool pool;
    private final KafkaOutboxPublisher publisher;
    private final int batchSize;
    private final Duration maxBackoff;
    private final Duration retention;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile int consecutiveFailures;

    OutboxRelay(Pool pool, KafkaOutboxPublisher publisher, MeterRegistry registry,
            @ConfigProperty(name = "swan.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "swan.outbox.max-backoff", defaultValue = "30s") Duration maxBackoff,
            @ConfigProperty(name = "swan.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.pool = pool;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.maxBackoff = maxBackoff;
        this.retention = retention;
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row").register(registry);
        this.published = Counter.builder("outbox.published").description("Outbox rows published").register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("Relay rounds that failed").register(registry);
    }

    @Scheduled(every = "${swan.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (Instant.now().isBefore(nextAttempt)) {
            return Uni.createFrom().voidItem();
        }
        return relayBatch()
                .onFailure().invoke(e -> afterRound(new KafkaOutboxPublisher.Outcome(0, e)))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes up to one batch now; the number of rows that reached Kafka. Also what tests call to skip waiting. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                        .execute(Tuple.of(RELAY_LOCK))
                        .chain(rows -> rows.iterator().next().getBoolean("locked")
                                ? publishPending(conn)
                                : Uni.createFrom().item(new KafkaOutboxPublisher.Outcome(0, null))))
                .invoke(this::afterRound)
                .map(KafkaOutboxPublisher.Outcome::published);
    }

    private Uni<KafkaOutboxPublisher.Outcome> publishPending(SqlConnection conn) {
        return conn.preparedQuery("""
                        select id, seq, topic, aggregate_id, event_type, payload::text as payload, trace_parent, created_at
                        from outbox_message where sent_at is null order by seq limit $1 for update""")
                .execute(Tuple.of(batchSize))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PendingMessage::from).toList())
                .chain(batch -> batch.isEmpty()
                        ? Uni.createFrom().item(new KafkaOutboxPublisher.Outcome(0, null))
                        : publisher.publishInOrder(batch).call(outcome -> record(conn, batch, outcome)));
    }

    private Uni<Void> record(SqlConnection conn, List<PendingMessage> batch, KafkaOutboxPublisher.Outcome outcome) {
        List<UUID> sent = batch.subList(0, outcome.published()).stream().map(PendingMessage::id).toList();
        Uni<?> markSent = sent.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("update outbox_message set sent_at = now() where id = any($1)")
                        .execute(Tuple.of(sent.toArray(UUID[]::new)));
        if (outcome.failure() == null) {
            return markSent.replaceWithVoid();
        }
        PendingMessage stuck = batch.get(outcome.published());
        return markSent.chain(() -> conn.preparedQuery(
                        "update outbox_message set attempts = attempts + 1, last_error = $2 where id = $1")
                .execute(Tuple.of(stuck.id(), String.valueOf(outcome.failure().getMessage()))))
                .replaceWithVoid();
    }

    private void afterRound(KafkaOutboxPublisher.Outcome outcome) {
        published.increment(outcome.published());
        if (outcome.failure() == null) {
            consecutiveFailures = 0;
            nextAttempt = Instant.MIN;
            return;
        }
        failures.increment();
        consecutiveFailures++;
        long backoffMillis = Math.min(maxBackoff.toMillis(), 250L << Math.min(consecutiveFailures, 16));
        nextAttempt = Instant.now().plusMillis(backoffMillis);
        LOG.warnf("Outbox relay could not publish (attempt %d, next in %d ms): %s", consecutiveFailures, backoffMillis,
                outcome.failure().getMessage());
    }

    /** Measured apart from publishing, so the lag is visible precisely while publishing is stuck. */
    @Scheduled(every = "${swan.outbox.lag-refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshLag() {
        return pool.query("""
                        select count(*) as pending,
                               coalesce(extract(epoch from now() - min(created_at)), 0)::bigint as oldest_age
                        from outbox_message where sent_at is null""")
                .execute()
                .invoke((RowSet<Row> rows) -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    oldestPendingAgeSeconds.set(row.getLong("oldest_age"));
                })
                .onFailure().invoke(e -> LOG.debugf("outbox lag not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sent rows are kept a while for audit and replay, then dropped so the table stays small. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return pool.preparedQuery("delete from outbox_message where sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .invoke(rows -> LOG.debugf("purged %d sent outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }
}
