package com.swanstudios.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 17) in a child process: no Docker, no
 * installation. With a data directory it keeps its data across restarts, and it can be stopped and started
 * again on the same port (how tests take the database away from a running service); without one it is
 * throw-away.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * @param dataDirectory where the cluster lives, kept between starts; {@code null} for a throw-away one
     * @param port a fixed port, or 0 for any free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return new EmbeddedPostgresServer(dataDirectory, launch(dataDirectory, port));
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // five services, each with a reactive pool and a small JDBC pool for Flyway
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC")
                // tests tell commit order apart from insert order with pg_xact_commit_timestamp
                .setServerConfig("track_commit_timestamp", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            long started = System.nanoTime();
            EmbeddedPostgres postgres = builder.start();
            LOG.infof("PostgreSQL started on port %d in %d ms", postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    /** Stops the server, keeping its data; clients see connections refused until {@link #start()}. */
    public synchronized void stop() {
        if (dataDirectory == null) {
            throw new IllegalStateException("a throw-away PostgreSQL cannot be restarted: give it a data directory");
        }
        if (postgres != null) {
            close();
            postgres = null;
        }
    }

    /** Starts it again, on the same port and data, after {@link #stop()}. */
    public synchronized void start() {
        if (postgres == null) {
            postgres = launch(dataDirectory, port);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The URL form the Vert.x reactive client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the service's role and database unless they exist (see {@link DatabaseProvisioner}). */
    public void ensureDatabase(DatabaseAccount account) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            DatabaseProvisioner.ensure(admin, account);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + account.database(), e);
        }
    }

    /** A connection as the superuser to the given database, for tests that look under the hood. */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
