package com.swanstudios.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.swanstudios.localstack.bench.Accounts.Account;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Outbox rows staged straight into user-service's database, the way {@code Outbox.stage} stages them inside
 * a service transaction (the aggregate's transaction lock and the relay's NOTIFY, then the insert, then the
 * commit), so the relay can be driven faster than the service's HTTP side can make changes. Each row is
 * an identity.user.v1 profile-changed state of one of the given accounts (read from {@code user_account}),
 * its version 1,000,000 + n, n counting that account's rows: always newer than what consumers hold.
 * Open loop on {@value #CONNECTIONS} connections: row i is due at start + i / rate; a row staged more than
 * {@value #ON_TIME_MILLIS} ms after it was due is late, one not begun by the end of the phase plus
 * {@value #GRACE_SECONDS} s is not staged. The connections are opened at construction and closed by
 * {@link #close()}, so their server processes live through the phase (and count in its CPU figures).
 */
final class RelayLoad implements AutoCloseable {

    static final int CONNECTIONS = 4;
    static final long ON_TIME_MILLIS = 100;
    private static final long GRACE_SECONDS = 30;
    static final long VERSION_BASE = 1_000_000;
    private static final String TOPIC = "identity.user.v1";
    private static final String TYPE = "com.swanstudios.identity.user.profile-changed";
    private static final String LOCK_AGGREGATE_AND_NOTIFY =
            "select count(*) from pg_advisory_xact_lock(hashtextextended(?, 0)), pg_notify('swan_outbox', '')";
    private static final String INSERT = "insert into outbox_message (id, topic, aggregate_id, aggregate_version, event_type, "
            + "payload, created_at) values (?, '" + TOPIC + "', ?, ?, '" + TYPE + "', ?::jsonb, now())";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did; {@code delay} is due → committed. */
    record Result(long due, long staged, long late, long failed, String firstError, double seconds, Samples.Sorted delay) {

        double achievedRate() {
            return staged / seconds;
        }

        long onTime() {
            return staged - late;
        }
    }

    private final List<ObjectNode> states = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /** Reads each account's current public state, the body its events carry, and opens the connections. */
    RelayLoad(String jdbcUrl, String user, String password, List<Account> accounts) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement query = connection.prepareStatement("select id, username, display_name, avatar_url, role, "
                        + "status, profile_visibility, discoverable from user_account where id = ?")) {
            for (Account account : accounts) {
                query.setObject(1, UUID.fromString(account.id()));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no user_account row for " + account.id());
                    }
                    states.add(JSON.createObjectNode().put("id", row.getString(1)).put("username", row.getString(2))
                            .put("displayName", row.getString(3)).put("avatarUrl", row.getString(4)).put("role", row.getString(5))
                            .put("status", row.getString(6)).put("profileVisibility", row.getString(7))
                            .put("discoverable", row.getBoolean(8)));
                }
            }
        }
        for (int c = 0; c < CONNECTIONS; c++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connections.add(connection);
            connection.setAutoCommit(false);
        }
    }

    /** How many accounts take turns. */
    int users() {
        return states.size();
    }

    /** Stages {@code rate} rows a second for {@code duration}, then returns when every connection is done. */
    Result run(int rate, Duration duration) throws Exception {
        long total = rate * duration.toSeconds();
        AtomicLong next = new AtomicLong();
        LongAdder staged = new LongAdder();
        LongAdder late = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        Samples delay = new Samples();
        long start = System.nanoTime();
        long stopBeginning = start + duration.plusSeconds(GRACE_SECONDS).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Connection connection : connections) {
            PreparedStatement lock = connection.prepareStatement(LOCK_AGGREGATE_AND_NOTIFY);
            PreparedStatement insert = connection.prepareStatement(INSERT);
            Thread thread = new Thread(() -> {
                for (long i; (i = next.getAndIncrement()) < total && System.nanoTime() < stopBeginning; ) {
                    long due = start + i * 1_000_000_000L / rate;
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    ObjectNode state = states.get((int) (i % states.size()));
                    long version = VERSION_BASE + i / states.size();
                    try {
                        stage(connection, lock, insert, state.get("id").asText(), version,
                                state.deepCopy().put("version", version).toString());
                        long micros = (System.nanoTime() - due) / 1000;
                        delay.add(micros);
                        staged.increment();
                        if (micros > ON_TIME_MILLIS * 1000) {
                            late.increment();
                        }
                    } catch (SQLException e) {
                        failed.increment();
                        firstError.compareAndSet(null, e.toString());
                        try {
                            connection.rollback();
                        } catch (SQLException ignored) {
                            // the next row's statements fail too, and are counted
                        }
                    }
                }
            }, "relay-load-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(total, staged.sum(), late.sum(), failed.sum(), firstError.get(), seconds, delay.sorted());
    }

    /** Rows of user-service's outbox not yet sent (what {@code outbox_pending} reports, counted now). */
    long unsent() throws SQLException {
        Connection connection = connections.get(0);
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "select count(*) from outbox_message where sent_at is null and parked_at is null")) {
            row.next();
            return row.getLong(1);
        } finally {
            connection.rollback(); // autocommit is off: end the read's transaction
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** One event in one transaction, exactly as {@code Outbox.stage} does it inside a service's change. */
    private static void stage(Connection connection, PreparedStatement lock, PreparedStatement insert, String userId, long version,
            String payload) throws SQLException {
        lock.setString(1, TOPIC + "\n" + userId);
        try (ResultSet ignored = lock.executeQuery()) {
            // the lock is held until the commit; the NOTIFY is delivered at the commit
        }
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, userId);
        insert.setLong(3, version);
        insert.setString(4, payload);
        insert.executeUpdate();
        connection.commit();
    }
}
