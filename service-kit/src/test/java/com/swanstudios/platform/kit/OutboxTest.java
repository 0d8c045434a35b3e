package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Test
    void theEventIsWrittenWithTheChangeAndPublishedAsACloudEvent() throws Exception {
        String key = "k-" + UUID.randomUUID().toString().substring(0, 8);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String eventId = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"key\":\"" + key + "\",\"text\":\"hello\"}")
                .when().post("/probe/notes")
                .then().statusCode(200).extract().path("eventId");

        assertThat(count("select count(*) from outbox_message where id = '" + eventId + "'")).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(count("select count(*) from outbox_message where id = '" + eventId + "' and sent_at is not null")).isEqualTo(1));
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), "probe.v1")
                .stream().filter(r -> key.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(new ObjectMapper().readTree(record.value()).path("text").asText()).isEqualTo("hello");
        assertThat(header(record, EventEnvelope.CE_ID)).isEqualTo(eventId);
        assertThat(header(record, EventEnvelope.CE_SPECVERSION)).isEqualTo("1.0");
        assertThat(header(record, EventEnvelope.CE_SOURCE)).isEqualTo("/probe-service");
        assertThat(header(record, EventEnvelope.CE_TYPE)).isEqualTo("com.swanstudios.probe.note.created");
        assertThat(header(record, EventEnvelope.CE_SUBJECT)).isEqualTo(key);
        assertThat(header(record, EventEnvelope.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, EventEnvelope.TRACEPARENT)).as("the request's trace continues in the event")
                .startsWith("00-" + traceId + "-");
    }

    @Test
    void aRolledBackChangeLeavesNoEventBehind() throws Exception {
        String key = "rb-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"reject-after-staging\"}")
                .when().post("/probe/notes")
                .then().statusCode(409).contentType("application/problem+json");

        assertThat(count("select count(*) from outbox_message where aggregate_id = '" + key + "'")).isZero();
        assertThat(count("select count(*) from probe_note where key = '" + key + "'")).isZero();
    }

    @Test
    void aDatabaseRuleBrokenPastValidationIsA4xxAndWritesNothing() throws Exception {
        String key = "db-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"" + "x".repeat(201) + "\"}")
                .when().post("/probe/notes")
                .then().statusCode(422).contentType("application/problem+json");

        assertThat(count("select count(*) from outbox_message where aggregate_id = '" + key + "'")).isZero();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
