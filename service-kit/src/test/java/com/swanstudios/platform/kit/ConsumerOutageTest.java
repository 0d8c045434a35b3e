package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.EmbeddedPostgresServer;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer's own database goes away for 30 s while events keep arriving: nothing is dead-lettered,
 * nothing is lost, nothing applies twice, and readiness says the consumers wait while they do.
 */
@QuarkusTest
class ConsumerOutageTest {

    private static final int EVENTS = 1000;
    private static final int KEYS = 50;

    @Test
    void aConsumersDatabaseDownFor30SecondsWhile1000EventsArriveLosesNothingAndDeadLettersNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        EmbeddedPostgresServer postgres = PlatformTestResource.postgres();
        List<String> readinessDuringOutage = new ArrayList<>();
        List<String> lagKnownDuringOutage = new ArrayList<>();

        postgres.stop();
        long outageEnds = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (ProbeEvents events = new ProbeEvents()) {
            for (int i = 0; i < EVENTS; i++) {
                events.send("o" + (i % KEYS) + "-" + run, i / KEYS + 1, "event " + i);
            }
            events.flush();
            while (System.nanoTime() < outageEnds) {
                readinessDuringOutage.add(consumersReadiness());
                lagKnownDuringOutage.add(outboxLagKnownGauge());
                Thread.sleep(1000);
            }
        } finally {
            postgres.start();
        }

        assertThat(readinessDuringOutage).as("readiness of the event consumers while their database was down")
                .contains("DOWN");
        assertThat(lagKnownDuringOutage).as("the outbox figures say they are not known, rather than passing for fresh")
                .contains("0.0");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(OutboxTest.count("select count(*) from probe_received where key like '%-" + run + "'")).isEqualTo(EVENTS));
        assertThat(OutboxTest.count("select count(distinct event_id) from probe_received where key like '%-" + run + "'"))
                .as("each event applied exactly once").isEqualTo(EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from probe_projection where key like '%-" + run + "' and version = " + EVENTS / KEYS))
                .as("every key's projection is on its last version").isEqualTo(KEYS));
        assertThat(TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), "probe.v1.dlq").stream()
                .filter(r -> r.key() != null && r.key().endsWith("-" + run)).count())
                .as("nothing transient is dead-lettered").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(consumersReadiness()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "1.0".equals(outboxLagKnownGauge()));
    }

    private static String outboxLagKnownGauge() {
        try {
            String metrics = given().when().get("/q/metrics").then().extract().asString();
            var line = java.util.regex.Pattern.compile("(?m)^outbox_lag_known(\\{[^}]*})? (\\S+)$").matcher(metrics);
            return line.find() ? line.group(2) : "MISSING";
        } catch (RuntimeException e) {
            return "UNREACHABLE";
        }
    }

    /** The status of the kit's "Event consumers" check, or UNREACHABLE. */
    private static String consumersReadiness() {
        try {
            JsonPath health = given().when().get("/q/health/ready").then().extract().jsonPath();
            String status = health.getString("checks.find { it.name == 'Event consumers' }.status");
            return status == null ? "MISSING" : status;
        } catch (RuntimeException e) {
            return "UNREACHABLE";
        }
    }
}
