package com.swanstudios.platform.infra;

import com.swanstudios.platform.catalog.PlatformCatalog;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real PostgreSQL and a real Kafka broker once per test JVM and points the service under test at
 * them: its own database and role, every platform topic created as the catalog declares it. Register it
 * once per module with {@code @QuarkusTestResource(value = PlatformTestResource.class,
 * restrictToAnnotatedClass = false)}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    public static final DatabaseAccount DATABASE = DatabaseAccount.local("service_under_test");

    /** Init arg: {@code tokens=self} for the service that issues tokens (user-service) and verifies its own. */
    public static final String TOKENS = "tokens";

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private boolean selfIssuedTokens;

    @Override
    public void init(Map<String, String> initArgs) {
        selfIssuedTokens = "self".equals(initArgs.get(TOKENS));
    }

    @Override
    public Map<String, String> start() {
        startInfrastructure();
        Map<String, String> config = new java.util.HashMap<>(infrastructureConfig());
        if (!selfIssuedTokens) {
            config.put("mp.jwt.verify.publickey.location", TestTokens.jwksLocation());
            config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        }
        return config;
    }

    private static Map<String, String> infrastructureConfig() {
        return Map.ofEntries(
                // the broker runs in the test JVM: keep its INFO chatter out of the test output
                Map.entry("quarkus.log.category.\"kafka\".level", "WARN"),
                Map.entry("quarkus.log.category.\"state.change.logger\".level", "WARN"),
                Map.entry("quarkus.log.category.\"org.apache.kafka\".level", "WARN"),
                Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE.database())),
                Map.entry("quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASE.database())),
                Map.entry("quarkus.datasource.username", DATABASE.role()),
                Map.entry("quarkus.datasource.password", DATABASE.password()),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()));
    }

    @Override
    public void stop() {
        // Both live for the whole test JVM: several Quarkus applications in one module reuse them.
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        startInfrastructure();
        return postgres;
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        startInfrastructure();
        return kafka;
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static synchronized void startInfrastructure() {
        if (postgres != null) {
            return;
        }
        try {
            Path kafkaLog = Files.createTempDirectory("swan-kafka-");
            // a data directory and a fixed port, so a test can stop the database and start it again
            Path pgData = Files.createTempDirectory("swan-pg-");
            postgres = EmbeddedPostgresServer.start(pgData, EmbeddedKafkaBroker.freePort());
            postgres.ensureDatabase(DATABASE);
            kafka = EmbeddedKafkaBroker.start(kafkaLog, 0);
            kafka.ensureTopics(PlatformCatalog.load().topicsWithDeadLetters());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
                deleteQuietly(pgData);
                deleteQuietly(kafkaLog);
            }, "platform-test-resource-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
