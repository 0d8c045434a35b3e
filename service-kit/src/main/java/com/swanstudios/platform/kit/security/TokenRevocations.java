package com.swanstudios.platform.kit.security;

import com.swanstudios.platform.kit.outbox.NotificationChannel;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which access tokens are void, without asking user-service: per user, the instant before which their
 * tokens were issued in vain ({@code tokensValidAfter} of {@code identity.user.v1}: a demotion, a
 * suspension, an erasure, a password change, "sign out everywhere"). Kept in the service's own table
 * {@code token_revocation} (written by {@link TokenRevocationConsumer}, or by user-service in the
 * transaction that revokes) and in memory on every replica, so a request's check is a map lookup: a
 * committed raise reaches every replica at once through a PostgreSQL notification on the listening
 * connection, and each replica reads the table again whenever that connection (re)opens.
 *
 * <p>Only the last {@code swan.security.revocation-window} of instants matter: a token issued before an
 * older instant has expired anyway. The window must exceed the access-token lifetime plus the verifiers'
 * clock skew; older rows are purged by the housekeeper and dropped from memory here.
 */
@ApplicationScoped
public class TokenRevocations implements NotificationChannel {

    public static final String NOTIFY_CHANNEL = "swan_token_revocation";
    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);
    private static final String RAISE = """
            with raised as (
                insert into token_revocation (subject, tokens_valid_after, updated_at) values ($1, $2, now())
                on conflict (subject) do update set tokens_valid_after = excluded.tokens_valid_after, updated_at = now()
                where token_revocation.tokens_valid_after < excluded.tokens_valid_after
                returning subject, tokens_valid_after)
            select count(pg_notify('%s', subject::text || ' ' || extract(epoch from tokens_valid_after)::bigint::text))
              from raised""".formatted(NOTIFY_CHANNEL);

    /** Per user, the instant (epoch seconds) before which their tokens are void. */
    private final Map<UUID, Long> validAfter = new ConcurrentHashMap<>();
    private final Pool pool;
    private final Duration window;
    /** Set once the table has been read: until then this replica cannot tell a revoked token (not ready). */
    private volatile boolean loaded;

    TokenRevocations(Pool pool, MeterRegistry registry,
            @ConfigProperty(name = "swan.security.revocation-window") Duration window) {
        this.pool = pool;
        this.window = window;
        Gauge.builder("token.revocations.held", validAfter, Map::size)
                .description("Users whose older access tokens this replica refuses (revocations within the window)")
                .register(registry);
    }

    /** Whether a token of this subject issued at {@code issuedAt} (epoch seconds, the {@code iat}) is void. */
    public boolean revoked(UUID subject, long issuedAt) {
        Long after = validAfter.get(subject);
        return after != null && issuedAt < after;
    }

    /**
     * Voids the subject's tokens issued before {@code tokensValidAfter} (whole seconds), in the caller's
     * transaction; every replica hears of it when that commits. Raising to an older instant changes nothing,
     * and an instant older than the window is not kept (every token it voids has expired).
     */
    public Uni<Void> raise(UUID subject, Instant tokensValidAfter) {
        if (tokensValidAfter.isBefore(Instant.now().minus(window))) {
            return Uni.createFrom().voidItem();
        }
        return NativeRows.one(RAISE, subject, OffsetDateTime.ofInstant(tokensValidAfter, ZoneOffset.UTC)).replaceWithVoid();
    }

    @Override
    public String name() {
        return NOTIFY_CHANNEL;
    }

    @Override
    public void notified(String payload) {
        String[] parts = payload.split(" ", 2);
        try {
            hold(UUID.fromString(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring a malformed token revocation notification: %s", payload);
        }
    }

    /** Notifications sent while this replica was not listening are in the table: read it again. */
    @Override
    public void resubscribed() {
        reload().subscribe().with(count -> LOG.debugf("%d token revocations held", count),
                failure -> LOG.warnf("Cannot read token revocations yet (%s); the next reconnection retries", failure.getMessage()));
    }

    Uni<Integer> reload() {
        return pool.preparedQuery("""
                        select subject, extract(epoch from tokens_valid_after)::bigint as valid_after
                          from token_revocation where tokens_valid_after > now() - make_interval(secs => $1)""")
                .execute(Tuple.of((double) window.toSeconds()))
                .map(rows -> {
                    for (Row row : rows) {
                        hold(row.getUUID("subject"), row.getLong("valid_after"));
                    }
                    loaded = true;
                    return rows.size();
                });
    }

    /** Instants older than the window void nothing that has not expired. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        long horizon = Instant.now().minus(window).getEpochSecond();
        validAfter.values().removeIf(after -> after < horizon);
    }

    public Duration window() {
        return window;
    }

    public boolean loaded() {
        return loaded;
    }

    private void hold(UUID subject, long after) {
        validAfter.merge(subject, after, Math::max);
    }
}
