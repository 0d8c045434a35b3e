package com.swanstudios.platform.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One dedicated PostgreSQL connection per replica, outside the pool. It LISTENs on
 * {@value OutboxRelay#NOTIFY_CHANNEL}, so a commit that staged an event wakes the relay at once, and it
 * carries the other kit mechanisms' {@link NotificationChannel}s, and it
 * holds a session advisory lock that makes exactly one replica the housekeeper (purges, the lag gauges):
 * the lock goes with the connection, so a replica that dies or loses its database hands the role on.
 * A lost or failed connection is closed and opened anew every {@code swan.outbox.listener-check-interval};
 * after each connection the relay drains whatever was committed meanwhile.
 */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    /** Any fixed number, distinct from the relay's lock. */
    private static final long HOUSEKEEPER_LOCK = 0x5357_414e_484bL;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final PgConnectOptions options;
    private final List<NotificationChannel> channels;
    private volatile PgSubscriber subscriber;
    private volatile boolean housekeeper;

    OutboxListener(Vertx vertx, OutboxRelay relay, Instance<NotificationChannel> channels,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode) {
        this.vertx = vertx;
        this.relay = relay;
        this.channels = channels.stream().toList();
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password.orElse(null));
        sslMode.ifPresent(mode -> options.setSslMode(SslMode.of(mode)));
    }

    void start(@Observes StartupEvent started) {
        connect();
    }

    void stop(@Observes ShutdownEvent stopping) {
        PgSubscriber current = subscriber;
        subscriber = null;
        housekeeper = false;
        if (current != null) {
            current.closeAndForget();
        }
    }

    /** Whether this replica is the one that does housekeeping now (never while its connection is down). */
    public boolean housekeeper() {
        return housekeeper && connected();
    }

    /** Whether the dedicated connection is up: while it is not, no replica can say who the housekeeper is. */
    public boolean connected() {
        PgSubscriber current = subscriber;
        return current != null && !current.closed() && current.actualConnection() != null;
    }

    private void connect() {
        // no automatic reconnection: a lost connection closes the subscriber, and keepAlive opens a new one
        PgSubscriber created = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> -1L);
        created.channel(OutboxRelay.NOTIFY_CHANNEL)
                .handler(payload -> relay.wake())
                .subscribeHandler(() -> {
                    // (re)subscribed: commits made while we were not listening wait in the table
                    relay.wake();
                    claimHousekeeping();
                });
        for (NotificationChannel channel : channels) {
            created.channel(channel.name()).handler(channel::notified).subscribeHandler(channel::resubscribed);
        }
        created.closeHandler(() -> housekeeper = false);
        subscriber = created;
        created.connect().subscribe().with(ignored -> LOG.debugf("listening on %s", OutboxRelay.NOTIFY_CHANNEL),
                failure -> {
                    housekeeper = false;
                    created.closeAndForget();
                    LOG.warnf("Outbox listener cannot connect yet (%s); the relay polls meanwhile", failure.getMessage());
                });
    }

    /** Opens a new connection when the last one was lost or never came up; claims housekeeping when free. */
    @Scheduled(every = "${swan.outbox.listener-check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> keepAlive() {
        PgSubscriber current = subscriber;
        if (current == null) {
            return Uni.createFrom().voidItem();
        }
        if (current.closed()) {
            housekeeper = false;
            connect();
            return Uni.createFrom().voidItem();
        }
        return housekeeper ? Uni.createFrom().voidItem() : claimHousekeepingUni(current);
    }

    private void claimHousekeeping() {
        PgSubscriber current = subscriber;
        if (current != null) {
            claimHousekeepingUni(current).subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private Uni<Void> claimHousekeepingUni(PgSubscriber current) {
        if (current.actualConnection() == null) {
            return Uni.createFrom().voidItem();
        }
        return current.actualConnection().preparedQuery("select pg_try_advisory_lock($1) as held")
                .execute(Tuple.of(HOUSEKEEPER_LOCK))
                .invoke(rows -> {
                    boolean held = rows.iterator().next().getBoolean("held");
                    if (held && !housekeeper) {
                        LOG.info("This replica does the outbox and inbox housekeeping");
                    }
                    housekeeper = held;
                })
                .onFailure().invoke(e -> housekeeper = false)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
