package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestTokens;
import com.swanstudios.platform.kit.probe.ProbeConsumer;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An operator fixes what made a record poison, then replays the dead letters to the consumer that failed them. */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String ADMIN = TestTokens.forUser(UUID.randomUUID(), "admin");

    @Test
    void aReplayHandsDeadLettersBackToTheFailingConsumerOnlyAndAppliesThemOnce() throws Exception {
        String key = "r-" + UUID.randomUUID().toString().substring(0, 8);
        try (ProbeEvents events = new ProbeEvents()) {
            events.send(key, 1, ProbeConsumer.NEEDS_ALLOWANCE);
        }
        // and one that both consumers find unreadable: each group dead-letters its own copy
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", PlatformTestResource.kafka().bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("probe.v1", "u" + key, "{\"no\":\"envelope\"}")).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProbeTopics.recordsOf("probe.v1.dlq", "u" + key))
                .hasSize(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProbeTopics.recordsOf("probe.v1.dlq", key))
                .extracting(r -> ProbeTopics.header(r, "dead-letter-consumer-group")).containsExactly("probe-consumer"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from probe_projection where key = '" + key + "'")).as("the other consumer applied it").isEqualTo(1));
        assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'")).isZero();

        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement()) {
            st.execute("insert into probe_allowed (key) values ('" + key + "')");
        }
        given().auth().oauth2(ADMIN).when().post("/admin/events/dead-letters/probe-in/replay")
                .then().statusCode(200).body("deadLetterTopic", org.hamcrest.Matchers.is("probe.v1.dlq"))
                .body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("otherConsumers", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("stoppedBy", org.hamcrest.Matchers.nullValue());

        assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'")).as("applied on replay")
                .isEqualTo(1);
        assertThat(ProbeTopics.recordsOf("probe.v1", key)).as("nothing was written back to the source topic").hasSize(1);
        assertThat(ProbeTopics.recordsOf("probe.v1.dlq", "u" + key)).as("the unreadable one, still poison, was dead-lettered"
                + " again for the consumer that was handed it, and only for that one")
                .extracting(r -> ProbeTopics.header(r, "dead-letter-consumer-group"))
                .containsExactlyInAnyOrder("probe-consumer", "probe-projector", "probe-consumer");
        given().auth().oauth2(ADMIN).when().post("/admin/events/dead-letters/probe-in/replay").then().statusCode(200);
        assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'"))
                .as("a second replay does not hand it over again").isEqualTo(1);

        given().auth().oauth2(ADMIN).when().post("/admin/events/dead-letters/no-such-channel/replay")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID(), "client")).when()
                .post("/admin/events/dead-letters/probe-in/replay").then().statusCode(403);
    }
}
