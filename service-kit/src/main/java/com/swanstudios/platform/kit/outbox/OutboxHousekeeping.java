package com.swanstudios.platform.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What only one replica does (the housekeeper, see {@link OutboxListener}): measures the outbox's lag and
 * purges what is kept only for a while. The gauges are the database's figures on the housekeeper and 0 on
 * every other replica, so a sum over pods is right. {@code outbox_lag_known} is 1 on the housekeeper while
 * its figures are fresh and 0 everywhere else: when the lag cannot be measured (the query fails, or no
 * replica reaches the database) no pod reports 1, a counter goes up and a warning is logged, so a frozen
 * figure never passes for a healthy one (alert on {@code max(outbox_lag_known) < 1}).
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class);
    private static final int PURGE_BATCH = 1000;

    private final Pool pool;
    private final OutboxListener listener;
    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final Duration revocationWindow;
    private volatile double pending;
    private volatile double oldestPendingAgeSeconds;
    private volatile double parked;
    private volatile double lagKnown;
    private final Counter lagQueryFailures;
    private volatile boolean lagQueryFailing;

    OutboxHousekeeping(Pool pool, OutboxListener listener, MeterRegistry registry,
            @ConfigProperty(name = "swan.outbox.retention", defaultValue = "P7D") Duration outboxRetention,
            @ConfigProperty(name = "swan.inbox.retention", defaultValue = "P30D") Duration inboxRetention,
            @ConfigProperty(name = "swan.security.revocation-window") Duration revocationWindow) {
        this.pool = pool;
        this.listener = listener;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
        this.revocationWindow = revocationWindow;
        Gauge.builder("outbox.pending", this, h -> h.pending)
                .description("Outbox rows not yet published (reported by one replica; 0 on the others)").register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, h -> h.oldestPendingAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest unpublished, unparked outbox row (one replica; 0 on the others)")
                .register(registry);
        Gauge.builder("outbox.parked", this, h -> h.parked)
                .description("Outbox rows parked until an operator requeues them (one replica; 0 on the others)")
                .register(registry);
        Gauge.builder("outbox.lag.known", this, h -> h.lagKnown)
                .description("1 on the replica whose outbox figures are fresh, 0 on the others and while they cannot be measured")
                .register(registry);
        this.lagQueryFailures = Counter.builder("outbox.lag.query.failures")
                .description("Times the outbox lag could not be measured").register(registry);
    }

    @Scheduled(every = "${swan.outbox.lag-refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshLag() {
        if (!listener.connected()) {
            reportNothing();
            lagUnknown("this replica cannot reach the database");
            return Uni.createFrom().voidItem();
        }
        if (!listener.housekeeper()) {
            lagQueryFailing = false;
            reportNothing();
            return Uni.createFrom().voidItem();
        }
        return pool.query("""
                        select count(*) filter (where parked_at is null) as pending,
                               count(*) filter (where parked_at is not null) as parked,
                               coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0)
                                   as oldest_age
                          from outbox_message where sent_at is null""")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending = row.getLong("pending");
                    parked = row.getLong("parked");
                    oldestPendingAgeSeconds = row.getDouble("oldest_age");
                    lagKnown = 1;
                    if (lagQueryFailing) {
                        LOG.info("Outbox lag is measured again");
                        lagQueryFailing = false;
                    }
                })
                .onFailure().invoke(e -> lagUnknown(e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Another replica reports (or none can): 0, so sums over pods count each figure once. */
    private void reportNothing() {
        pending = 0;
        oldestPendingAgeSeconds = 0;
        parked = 0;
        lagKnown = 0;
    }

    /** The last figures stay (they are the best there is) but are marked stale. */
    private void lagUnknown(String why) {
        lagKnown = 0;
        lagQueryFailures.increment();
        if (!lagQueryFailing) {
            LOG.warnf("Outbox lag cannot be measured (outbox_lag_known = 0 until it can): %s", why);
            lagQueryFailing = true;
        }
    }

    /** Sent outbox rows and old inbox rows, in small batches so no purge holds locks for long. */
    @Scheduled(every = "${swan.housekeeping.interval:10m}", delayed = "${swan.housekeeping.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        if (!listener.housekeeper()) {
            return Uni.createFrom().voidItem();
        }
        return purgeAll().onFailure().invoke(e -> LOG.warnf("Housekeeping purge failed, next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Runs the purges to the end; the number of rows removed. */
    public Uni<Long> purgeAll() {
        Uni<Long> outbox = purgeInBatches("""
                delete from outbox_message where id in (
                    select id from outbox_message where sent_at < now() - make_interval(secs => $1) limit $2)""",
                outboxRetention);
        return outbox.chain(sent -> purgeInBatches("""
                        delete from processed_event where ctid in (
                            select ctid from processed_event where processed_at < now() - make_interval(secs => $1) limit $2)""",
                        inboxRetention)
                .chain(processed -> purgeInBatches("""
                                delete from token_revocation where subject in (select subject from token_revocation
                                    where tokens_valid_after < now() - make_interval(secs => $1) limit $2)""",
                                revocationWindow)
                        .invoke(revocations -> {
                            if (sent + processed + revocations > 0) {
                                LOG.infof("Housekeeping removed %d sent outbox rows, %d processed-event rows and %d"
                                        + " expired token revocations", sent, processed, revocations);
                            }
                        })
                        .map(revocations -> sent + processed + revocations)));
    }

    private Uni<Long> purgeInBatches(String sql, Duration retention) {
        return pool.preparedQuery(sql).execute(Tuple.of((double) retention.toSeconds(), PURGE_BATCH))
                .map(rows -> (long) rows.rowCount())
                .chain(removed -> removed < PURGE_BATCH ? Uni.createFrom().item(removed)
                        : purgeInBatches(sql, retention).map(more -> removed + more));
    }
}
