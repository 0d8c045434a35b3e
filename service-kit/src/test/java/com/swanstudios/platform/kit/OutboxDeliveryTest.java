package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.EmbeddedKafkaBroker;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away while changes are made, then comes back: every event arrives, in order per key, and the
 * consumer applies each once even when the relay publishes it again.
 */
@QuarkusTest
class OutboxDeliveryTest {

    @Test
    void eventsMadeWhileKafkaIsDownArriveInOrderAndOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> keys = List.of("a-" + run, "b-" + run);
        EmbeddedKafkaBroker kafka = PlatformTestResource.kafka();

        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                for (String key : keys) {
                    given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"" + i + "\"}")
                            .when().post("/probe/notes").then().statusCode(200);
                }
            }
            assertThat(count("select count(*) from outbox_message where sent_at is null and aggregate_id like '%-" + run + "'"))
                    .as("the changes were accepted and their events wait in the outbox").isEqualTo(10);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/metrics").then()
                    .body(org.hamcrest.Matchers.matchesRegex("(?s).*\\noutbox_pending(\\{[^}]*\\})? ([1-9][0-9]*)\\.0\\n.*")));
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(count("select count(*) from probe_received where key like '%-" + run + "'")).isEqualTo(10));
        for (String key : keys) {
            assertThat(receivedTexts(key)).as("order for key %s", key).containsExactly("0", "1", "2", "3", "4");
        }

        // The relay may publish an event again (a crash between send and commit); the consumer must not apply it twice.
        execute("update outbox_message set sent_at = null where aggregate_id like '%-" + run + "'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count("select count(*) from outbox_message where sent_at is null and aggregate_id like '%-" + run + "'")).isZero());
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.readAll(kafka.bootstrapServers(), "probe.v1").stream()
                .filter(r -> r.key() != null && r.key().endsWith("-" + run)).count() == 20);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from processed_event where consumer = 'probe-consumer.probe-in'") >= 10);
        assertThat(count("select count(*) from probe_received where key like '%-" + run + "'")).isEqualTo(10);
    }

    private static List<String> receivedTexts(String key) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select text from probe_received where key = '" + key + "' order by position")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        return OutboxTest.count(sql);
    }

    private static Connection connection() throws SQLException {
        return PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
    }
}
