package com.swanstudios.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.infra.DatabaseAccount;
import com.swanstudios.platform.infra.EmbeddedKafkaBroker;
import com.swanstudios.platform.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy platform's migrations failed silently, were hand-patched and marked applied by hand. Here a
 * service whose schema is not exactly what its migrations and entities say refuses to start, loudly. Each
 * case starts a real packaged service (storefront-service) against a real PostgreSQL. (A migration with
 * bad SQL is service-kit's BrokenMigrationTest: the packaged service cannot be given an extra migration.)
 */
class MigrationSafetyIT {

    private static final String SERVICE = "storefront-service";
    private static Path home;
    private static Path migrations;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        home = Path.of(System.getProperty("swan.home", "..")).toAbsolutePath().normalize();
        migrations = home.resolve(SERVICE).resolve("src/main/resources/db/migration");
        postgres = EmbeddedPostgresServer.start(null, 0);
        kafka = EmbeddedKafkaBroker.start(Files.createTempDirectory("swan-migration-kafka-"), 0);
    }

    @AfterAll
    static void stopInfrastructure() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseWithTablesButNoMigrationHistoryIsLeftAloneAndTheServiceStops() throws Exception {
        DatabaseAccount db = freshDatabase("unmanaged");
        // tables made by hand, outside any migration: the legacy platform's starting point
        execute(db, "create table processed_event (id integer)");

        Result result = startService(db, Map.of());

        assertThat(result.exitCode()).as("the service refused to start").isNotZero();
        assertThat(result.output()).contains("no schema history table");
        assertThat(tableExists(db, "outbox_message")).as("no migration ran over the unknown schema").isFalse();
        assertThat(tableExists(db, "processed_event")).isTrue();
    }

    @Test
    void aSchemaThatDisagreesWithTheEntitiesStopsTheService() throws Exception {
        DatabaseAccount db = freshDatabase("drifted");
        migrate(db, migrations);
        execute(db, "alter table outbox_message drop column last_error"); // a hand patch, as in the legacy report

        Result result = startService(db, Map.of());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Schema validation").contains("last_error");
    }

    @Test
    void aMigrationEditedAfterItWasAppliedStopsTheService() throws Exception {
        DatabaseAccount db = freshDatabase("edited");
        // what was applied differs from what the service now ships: someone edited V1 after release
        Path applied = Files.createTempDirectory("applied-migrations-");
        try (var files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                Files.copy(file, applied.resolve(file.getFileName()));
            }
        }
        Path first = applied.resolve("V1__outbox_and_inbox.sql");
        Files.writeString(first, Files.readString(first) + "\ncreate index outbox_message_topic on outbox_message (topic);\n");
        migrate(db, applied);

        Result result = startService(db, Map.of());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).containsIgnoringCase("checksum mismatch").contains("version 1");
    }

    @Test
    void aMigrationThatMeetsDataItCannotTakeStopsTheServiceNamingTheRowsAndChangesNothing() throws Exception {
        DatabaseAccount db = freshDatabase("euro");
        migrate(db, migrations, "3"); // the catalog as it stood before it became USD-only
        execute(db, "insert into training_package (id, name, package_type, sessions, total_sessions, price_per_session_cents,"
                + " total_cost_cents, currency, display_order) values (gen_random_uuid(), 'Euro Duo', 'fixed', 2, 2, 15000, 30000,"
                + " 'EUR', 9001)");

        Result result = startService(db, Map.of());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).containsAnyOf("catalog_priced_in_usd", "catalog priced in usd").contains("Euro Duo (EUR)");
        assertThat(query(db, "select max(version) from flyway_schema_history where success")).isEqualTo("3");
        assertThat(query(db, "select count(*) from pg_constraint where conname = 'training_package_currency_usd'")).isEqualTo("0");
        assertThat(query(db, "select currency from training_package where name = 'Euro Duo'")).isEqualTo("EUR");
    }

    @Test
    void aDatabaseTheReleaseBeforeTheKitsMigrationsLeftBehindUpgradesInPlaceAndItsWaitingEventIsPublished() throws Exception {
        DatabaseAccount db = freshDatabase("before_kit");
        migrate(db, migrations); // every service migration, the kit's tables among them (its V1), no kit history
        execute(db, "insert into outbox_message (id, topic, aggregate_id, event_type, payload) values"
                + " ('018f0000-0000-7000-8000-00000000beef', 'storefront.package.v1', 'p-before-kit',"
                + " 'com.swanstudios.storefront.package.updated', '{\"version\": 3}')");
        execute(db, "insert into processed_event (consumer, event_id) values ('some-consumer', 'e-before-kit')");

        Path log = Files.createTempFile("migration-safety-", ".log");
        Process service = launch(db, Map.of(), log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && service.isAlive() && !"1".equals(
                    query(db, "select count(*) from outbox_message where aggregate_id = 'p-before-kit' and sent_at is not null"))) {
                Thread.sleep(500);
            }
            assertThat(service.isAlive()).as("the service started on the upgraded database\n" + Files.readString(log)).isTrue();
            assertThat(query(db, "select string_agg(version, ',' order by installed_rank) from service_kit_schema_history"
                    + " where success and version <> '0'")).as("the kit's migrations ran once each").isEqualTo("1,2,3");
            assertThat(query(db, "select count(*) from outbox_message where aggregate_id = 'p-before-kit' and sent_at is not null"))
                    .as("the event that waited across the upgrade was published").isEqualTo("1");
            assertThat(query(db, "select count(*) from processed_event where event_id = 'e-before-kit'")).isEqualTo("1");
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result startService(DatabaseAccount db, Map<String, String> extraEnv) throws Exception {
        Path log = Files.createTempFile("migration-safety-", ".log");
        Process process = launch(db, extraEnv, log);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(0, "still running after 120 s: it started although it should not have\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Process launch(DatabaseAccount db, Map<String, String> extraEnv, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", home.resolve(SERVICE).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "HTTP_PORT", "0",
                "DB_HOST", "localhost",
                "DB_PORT", String.valueOf(postgres.port()),
                "DB_NAME", db.database(),
                "DB_USER", db.role(),
                "DB_PASSWORD", db.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "LOG_JSON", "false",
                // its defaults (issuer, JWKS over loopback HTTP) are the local stack's
                "SWAN_LOCAL_STACK", "true"));
        builder.environment().putAll(extraEnv);
        return builder.start();
    }

    private static DatabaseAccount freshDatabase(String name) {
        DatabaseAccount account = DatabaseAccount.local("migration_" + name);
        postgres.ensureDatabase(account);
        return account;
    }

    /** Applies the service's own migrations, as a previous, successful start would have. */
    private static void migrate(DatabaseAccount db, Path folder) {
        migrate(db, folder, "latest");
    }

    /** The same, up to a version: a database an older release left behind. */
    private static void migrate(DatabaseAccount db, Path folder, String targetVersion) {
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(db.database()), db.role(), db.password())
                .locations("filesystem:" + folder)
                .target(targetVersion)
                .load()
                .migrate();
    }

    private static boolean tableExists(DatabaseAccount db, String table) throws SQLException {
        return !"0".equals(query(db, "select count(*) from information_schema.tables where table_name = '" + table + "'"));
    }

    private static String query(DatabaseAccount db, String sql) throws SQLException {
        try (Connection c = postgres.superuserConnection(db.database()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** As the service's own role, like a hand patch by someone with the service's credentials. */
    private static void execute(DatabaseAccount db, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(db.database()), db.role(), db.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
