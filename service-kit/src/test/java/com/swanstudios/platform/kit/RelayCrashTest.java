package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.EmbeddedKafkaBroker;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.platform.kit.probe.FailOnceInterceptor;
import com.swanstudios.platform.kit.probe.ProbeBodies;
import com.swanstudios.platform.kit.probe.ProbeConsumer;
import com.swanstudios.platform.kit.probe.ProbeNote;
import com.swanstudios.platform.kit.probe.ProbeProjection;
import com.swanstudios.platform.kit.probe.ProbeResource;
import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probe service runs as its own process and is killed with SIGKILL after Kafka acknowledged an event
 * but before the relay committed that it was sent: the event is delivered again after the restart, and the
 * consumer applies it once.
 */
class RelayCrashTest {

    private static final int PORT = EmbeddedKafkaBroker.freePort();

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            // the kit itself (classes, its config defaults, its migrations) and the probe service on top
            .withApplicationRoot(jar -> jar.as(ExplodedImporter.class).importDirectory("target/classes").as(JavaArchive.class)
                    .addClasses(ProbeResource.class, ProbeNote.class, ProbeConsumer.class, ProbeProjection.class,
                            ProbeBodies.class, FailOnceInterceptor.class)
                    .addAsResource("db/migration/V1__probe_tables.sql"))
            .withConfigurationResource("application.properties")
            .setApplicationName("probe-crash")
            .setApplicationVersion("0.1")
            .setRun(true)
            .setRuntimeProperties(runtimeConfig());

    private static Map<String, String> runtimeConfig() {
        var postgres = PlatformTestResource.postgres();
        var db = PlatformTestResource.DATABASE;
        return Map.of(
                // a killed member holds its partitions until its session times out (45 s by default)
                "mp.messaging.incoming.probe-in.session.timeout.ms", "6000",
                "mp.messaging.incoming.probe-projection.session.timeout.ms", "6000",
                "quarkus.http.port", String.valueOf(PORT),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(db.database()),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(db.database()),
                "quarkus.datasource.username", db.role(),
                "quarkus.datasource.password", db.password(),
                "kafka.bootstrap.servers", PlatformTestResource.kafka().bootstrapServers(),
                "quarkus.log.console.json.enabled", "false",
                // production mode on the test's own database and issuer: as the local stack does
                "swan.local-stack", "true");
    }

    @Test
    void aRelayKilledBetweenTheBrokersAcknowledgementAndItsCommitDeliversAgainAndTheConsumerAppliesOnce() throws Exception {
        String key = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String eventId;
        try (Connection shareLock = connection()) {
            try (Connection paused = ProbeTopics.pauseRelay()) {
                eventId = given().port(PORT).contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"once\"}")
                        .when().post("/probe/notes").then().statusCode(200).extract().path("eventId");
                // the relay may read and publish the row, but marking it sent must wait for this lock
                shareLock.setAutoCommit(false);
                try (Statement st = shareLock.createStatement()) {
                    st.execute("lock table outbox_message in share mode");
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ProbeTopics.recordsOf(ProbeResource.TOPIC, key)).as("Kafka acknowledged the event").hasSize(1);
                assertThat(OutboxTest.count("""
                        select count(*) from pg_stat_activity
                         where query like 'update outbox_message set sent_at%' and wait_event_type = 'Lock'"""))
                        .as("the relay waits to commit that it was sent").isEqualTo(1);
            });
            killTheService();
            shareLock.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from pg_stat_activity where query like 'update outbox_message set sent_at%'")).isZero());
        assertThat(OutboxTest.count("select count(*) from outbox_message where id = '" + eventId + "' and sent_at is null"))
                .as("the killed relay never recorded the send").isEqualTo(1);

        APP.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ProbeTopics.recordsOf(ProbeResource.TOPIC, key))
                .extracting(r -> ProbeTopics.header(r, EventEnvelope.CE_ID))
                .as("delivered at least once: the restarted relay sent it again").containsExactly(eventId, eventId));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(OutboxTest.count("select count(*) from outbox_message where id = '" + eventId + "' and sent_at is not null"))
                    .isEqualTo(1);
            assertThat(OutboxTest.count("select count(*) from processed_event where event_id = '" + eventId + "'"))
                    .as("the effect consumer claimed it once").isEqualTo(1);
            assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'"))
                    .as("applied exactly once").isEqualTo(1);
        });
    }

    /** SIGKILL: no shutdown hook, no rollback, no goodbye to the database or the broker. */
    private static void killTheService() {
        var service = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the probe service's process is not running"));
        service.destroyForcibly();
        service.onExit().join();
    }

    private static Connection connection() throws java.sql.SQLException {
        return PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
    }
}
