package com.swanstudios.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches a consumer's projection table for the states it applied: every {@value #POLL_MILLIS} ms it reads
 * the rows whose {@code applied_at} moved, and keeps the first {@code applied_at} seen for each (id,
 * version). {@code applied_at} is written by the consumer itself ({@code clock_timestamp()}), so how often
 * this polls changes nothing in the figures, only how soon they are complete; each user is written at
 * most once every few seconds, so no version is overwritten between two polls.
 */
final class AppliedWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 200;
    /** Rows committed a little after a later applied_at are still seen. */
    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private final Map<String, Instant> applied = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile String failure;

    AppliedWatcher(String jdbcUrl, String user, String password, String table, Instant from) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement query = connection.prepareStatement(
                "select id, version, applied_at from " + table + " where applied_at > ?");
        poller = new Thread(() -> {
            Instant cursor = from;
            try (connection; query) {
                while (running) {
                    query.setObject(1, OffsetDateTime.ofInstant(cursor.minus(OVERLAP), ZoneOffset.UTC));
                    Instant newest = cursor;
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            Instant at = rows.getObject(3, OffsetDateTime.class).toInstant();
                            applied.putIfAbsent(key(rows.getString(1), rows.getLong(2)), at);
                            newest = at.isAfter(newest) ? at : newest;
                        }
                    }
                    cursor = newest;
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (SQLException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "applied-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** When the consumer applied this version of this user, if it has. */
    Instant appliedAt(String id, long version) {
        return applied.get(key(id, version));
    }

    String failure() {
        return failure;
    }

    private static String key(String id, long version) {
        return id + "/" + version;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
