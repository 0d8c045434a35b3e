package com.swanstudios.platform.kit.outbox;

import com.swanstudios.platform.kit.outbox.KafkaOutboxPublisher.Blame;
import com.swanstudios.platform.kit.outbox.KafkaOutboxPublisher.Fate;
import com.swanstudios.platform.kit.outbox.KafkaOutboxPublisher.Round;
import com.swanstudios.platform.kit.outbox.KafkaOutboxPublisher.RowResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes staged outbox rows in {@code seq} order and marks them sent. Woken by every commit that staged
 * an event (LISTEN/NOTIFY, see {@link OutboxListener}), with a poll as fallback, it drains the backlog batch
 * after batch until nothing is left. Each batch is one transaction holding a transaction-scoped advisory
 * lock, so one replica relays at a time and order per aggregate holds however many replicas run; its row
 * locks last as long as the batch's sends. While Kafka is away everything waits with exponential backoff.
 * A row the broker refuses waits on its own backoff, and after {@code swan.outbox.max-attempts} it is
 * parked (logged at ERROR, counted in {@code outbox_parked_rows_total}) until an operator requeues it
 * ({@code /admin/events/outbox/parked}); other aggregates and topics keep flowing, later rows of its
 * aggregate wait behind it. A later row of an aggregate that Kafka took while an earlier one failed is
 * sent again after that one, so the topic's last record for the key is always its latest state (what a
 * compacted topic keeps).
 */
@ApplicationScoped
public class OutboxRelay {

    /** The channel a committing transaction notifies ({@link Outbox#stage}). */
    public static final String NOTIFY_CHANNEL = "swan_outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The advisory lock a relaying replica holds (any fixed number: its name among this database's advisory
     * locks). Whoever holds it pauses relaying: an operator, or a test that needs rows to wait.
     */
    public static final long RELAY_LOCK = 0x5357_414e_4f42L;

    private static final String SELECT_PUBLISHABLE = "select " + PendingMessage.COLUMNS + """
             from outbox_message m
            where m.sent_at is null and m.parked_at is null
              and (m.next_attempt_at is null or m.next_attempt_at <= now())
              and not exists (select 1 from outbox_message held
                               where held.topic = m.topic and held.aggregate_id = m.aggregate_id and held.seq < m.seq
                                 and held.sent_at is null and (held.parked_at is not null or held.next_attempt_at is not null))
            order by m.seq limit $1 for update of m""";

    private final Pool pool;
    private final KafkaOutboxPublisher publisher;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration maxBackoff;
    private final Counter published;
    private final Counter failedRounds;
    private final Counter parkedRows;
    private final Timer publishLag;
    /** A transient refusal (leader moving, replicas short) waits this long before the row is tried again. */
    private static final Duration TRANSIENT_WAIT = Duration.ofSeconds(1);

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile long backoffUntilNanos = System.nanoTime();
    private volatile int consecutiveOutages;

    OutboxRelay(Pool pool, KafkaOutboxPublisher publisher, MeterRegistry registry,
            @ConfigProperty(name = "swan.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "swan.outbox.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "swan.outbox.max-backoff", defaultValue = "30s") Duration maxBackoff) {
        this.pool = pool;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
        this.published = Counter.builder("outbox.published").description("Outbox rows published").register(registry);
        this.failedRounds = Counter.builder("outbox.publish.failures")
                .description("Relay rounds in which a send failed").register(registry);
        this.parkedRows = Counter.builder("outbox.parked.rows")
                .description("Outbox rows parked after failing swan.outbox.max-attempts times").register(registry);
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("From staging a row to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    /**
     * Asks for a drain. Calls while one runs are folded into one more pass after it, so every commit's
     * notification is honoured without running two drains at once in this replica.
     */
    public void wake() {
        wakeRequested.set(true);
        if (inBackoff()) {
            return;
        }
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    /** The fallback: rows whose own backoff ran out, notifications lost while the listener reconnected. */
    @Scheduled(every = "${swan.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void drain() {
        wakeRequested.set(false);
        relayBatch().subscribe().with(batch -> {
            if (batch.lockBusy()) {
                // another replica relays; it was notified of the same commits
                wakeRequested.set(false);
                finishDrain();
            } else if (inBackoff()) {
                finishDrain();
            } else if (batch.fetched() == batchSize || (batch.fetched() > 0 && wakeRequested.get())) {
                drain();
            } else {
                finishDrain();
            }
        }, failure -> {
            backOff(failure);
            finishDrain();
        });
    }

    private boolean inBackoff() {
        return System.nanoTime() - backoffUntilNanos < 0;
    }

    private void finishDrain() {
        draining.set(false);
        if (wakeRequested.get() && !inBackoff()) {
            wake();
        }
    }

    /** What one batch did; {@code fetched} rows were taken from the table; {@code lockBusy}: another replica relays. */
    record BatchResult(int fetched, long published, boolean lockBusy) {
        static final BatchResult NOTHING = new BatchResult(0, 0, false);
        static final BatchResult BUSY = new BatchResult(0, 0, true);
    }

    /** Publishes at most one batch now. */
    Uni<BatchResult> relayBatch() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1) as locked")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("locked")
                        ? publishPending(conn)
                        : Uni.createFrom().item(BatchResult.BUSY)));
    }

    private Uni<BatchResult> publishPending(SqlConnection conn) {
        return conn.preparedQuery(SELECT_PUBLISHABLE).execute(Tuple.of(batchSize))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PendingMessage::from).toList())
                .chain(batch -> batch.isEmpty()
                        ? Uni.createFrom().item(BatchResult.NOTHING)
                        : publisher.publish(batch)
                                .call(round -> record(conn, round))
                                .map(round -> afterRound(batch.size(), round)));
    }

    private Uni<Void> record(SqlConnection conn, Round round) {
        // a row Kafka took after an earlier row of its aggregate failed goes out again after that one
        Map<String, Long> firstFailure = new HashMap<>();
        round.rows().stream().filter(r -> r.fate() == Fate.FAILED)
                .forEach(r -> firstFailure.merge(KafkaOutboxPublisher.aggregateKey(r.message()), r.message().seq(), Math::min));
        List<UUID> sent = round.rows().stream().filter(r -> r.fate() == Fate.SENT)
                .filter(r -> r.message().seq() < firstFailure.getOrDefault(KafkaOutboxPublisher.aggregateKey(r.message()), Long.MAX_VALUE))
                .map(r -> r.message().id()).toList();
        Uni<Void> work = sent.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("update outbox_message set sent_at = now(), next_attempt_at = null where id = any($1)")
                        .execute(Tuple.of(sent.toArray(UUID[]::new))).replaceWithVoid();
        Set<String> blamedTopics = new HashSet<>();
        for (RowResult failure : round.rows()) {
            if (failure.fate() != Fate.FAILED) {
                continue;
            }
            if (round.outage()) {
                work = work.chain(() -> note(conn, failure, null));
            } else if (failure.blame() == Blame.ROW) {
                work = work.chain(() -> blameRow(conn, failure));
            } else if (failure.blame() == Blame.TOPIC) {
                if (blamedTopics.add(failure.message().topic())) {
                    work = work.chain(() -> blameTopic(conn, failure));
                }
            } else {
                work = work.chain(() -> note(conn, failure, OffsetDateTime.now().plus(TRANSIENT_WAIT)));
            }
        }
        return work;
    }

    /** Nobody's fault (an outage, or something transient): the attempt does not count; the row may wait a moment. */
    private static Uni<Void> note(SqlConnection conn, RowResult failure, OffsetDateTime nextAttempt) {
        return conn.preparedQuery("update outbox_message set last_error = $2, next_attempt_at = $3 where id = $1")
                .execute(Tuple.of(failure.message().id(), describe(failure.error()), nextAttempt)).replaceWithVoid();
    }

    /** The broker refused this record: one more attempt, its own backoff, parked at the limit. */
    private Uni<Void> blameRow(SqlConnection conn, RowResult failure) {
        PendingMessage row = failure.message();
        int attempts = row.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        return conn.preparedQuery("""
                        update outbox_message set attempts = $2, last_error = $3, next_attempt_at = $4,
                               parked_at = case when $5 then now() end
                         where id = $1""")
                .execute(Tuple.of(row.id(), attempts, describe(failure.error()), OffsetDateTime.now().plus(backoff(attempts)), park))
                .invoke(() -> {
                    if (park) {
                        parked(1, row.topic(), "row " + row.id() + " (aggregate " + row.aggregateId() + ", " + row.eventType() + ")",
                                attempts, failure.error());
                    } else {
                        LOG.warnf("Outbox row %s (%s, aggregate %s) refused by Kafka (attempt %d of %d): %s", row.id(),
                                row.topic(), row.aggregateId(), attempts, maxAttempts, describe(failure.error()));
                    }
                })
                .replaceWithVoid();
    }

    /** The topic is missing or not writable: every unsent row of it counts the attempt, and all park together. */
    private Uni<Void> blameTopic(SqlConnection conn, RowResult failure) {
        String topic = failure.message().topic();
        int attempts = failure.message().attempts() + 1;
        return conn.preparedQuery("""
                        update outbox_message set attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                               parked_at = case when attempts + 1 >= $4 then now() end
                         where topic = $1 and sent_at is null and parked_at is null
                        returning parked_at is not null as parked""")
                .execute(Tuple.of(topic, describe(failure.error()), OffsetDateTime.now().plus(backoff(attempts)), maxAttempts))
                .invoke(rows -> {
                    long parkedNow = StreamSupport.stream(rows.spliterator(), false).filter(r -> r.getBoolean("parked")).count();
                    if (parkedNow > 0) {
                        parked(parkedNow, topic, "every unsent row of the topic", attempts, failure.error());
                    } else {
                        LOG.warnf("Outbox topic %s cannot be written (attempt %d of %d, %d rows wait): %s", topic, attempts,
                                maxAttempts, rows.rowCount(), describe(failure.error()));
                    }
                })
                .replaceWithVoid();
    }

    private void parked(long rows, String topic, String what, int attempts, Throwable error) {
        parkedRows.increment(rows);
        LOG.errorf("Outbox parked %d row(s) on %s after %d attempts: %s: %s. Later events of the same aggregates wait behind "
                + "them; fix the cause, then POST /admin/events/outbox/parked/requeue", rows, topic, attempts, what, describe(error));
    }

    private BatchResult afterRound(int fetched, Round round) {
        published.increment(round.sent());
        long now = System.currentTimeMillis();
        round.rows().stream().filter(r -> r.fate() == Fate.SENT).forEach(r ->
                publishLag.record(Duration.ofMillis(Math.max(0, now - r.message().createdAt().toInstant().toEpochMilli()))));
        if (round.outage()) {
            backOff(round.firstError());
        } else {
            consecutiveOutages = 0;
            if (round.firstError() != null) {
                failedRounds.increment();
            }
        }
        return new BatchResult(fetched, round.sent(), false);
    }

    private void backOff(Throwable cause) {
        failedRounds.increment();
        consecutiveOutages++;
        Duration wait = backoff(consecutiveOutages);
        backoffUntilNanos = System.nanoTime() + wait.toNanos();
        LOG.warnf("Outbox relay cannot publish now (attempt %d, next in %d ms): %s", consecutiveOutages, wait.toMillis(),
                describe(cause));
    }

    private Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(maxBackoff.toMillis(), 250L << Math.min(attempt, 16)));
    }

    private static String describe(Throwable error) {
        return error == null ? "unknown" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
