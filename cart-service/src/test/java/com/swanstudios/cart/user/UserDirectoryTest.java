package com.swanstudios.cart.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.kit.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** identity.user.v1 as user-service publishes it, read into cart-service's directory of users. */
@QuarkusTest
class UserDirectoryTest {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
            new StringSerializer(), new StringSerializer());

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    @Test
    void theNewestStateWinsWhateverTheOrderOfArrivalAndUnknownFieldsAreIgnored() throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, 2, state(id, "ann", "Ann B.", "client", "active", 2, ",\"aFieldAddedLater\":{\"x\":1}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).as("a field this consumer does not know is ignored").isEqualTo("ann|Ann B.|client|active|2"));

        RecordMetadata older = publish(id, 1, state(id, "ann", "Ann", "user", "active", 1, ""));
        awaitConsumed(older);
        assertThat(row(id)).as("the older state that arrived last was ignored").isEqualTo("ann|Ann B.|client|active|2");
    }

    @Test
    void anErasedUserKeepsOnlyTheirIdAndAReplayedOlderStateNeverBringsThemBack() throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, 1, state(id, "bo", "Bo", "user", "active", 1, ""));
        publish(id, 2, state(id, null, "Bo", "user", "deleted", 2, ""));
        publish(id, 3, null); // the tombstone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).isEqualTo("null|Deleted user|user|deleted|2"));

        RecordMetadata replayed = publish(id, 1, state(id, "bo", "Bo", "user", "active", 1, "")); // an old state again
        awaitConsumed(replayed);
        assertThat(row(id)).as("personal data stays erased").isEqualTo("null|Deleted user|user|deleted|2");
    }

    private static String state(UUID id, String username, String displayName, String role, String status, long version,
            String extra) {
        return "{\"id\":\"" + id + "\",\"username\":" + (username == null ? "null" : "\"" + username + "\"")
                + ",\"displayName\":\"" + displayName + "\",\"avatarUrl\":null,\"role\":\"" + role + "\",\"status\":\"" + status
                + "\",\"profileVisibility\":\"public\",\"discoverable\":true,\"version\":" + version + extra + "}";
    }

    private static RecordMetadata publish(UUID id, long version, String body) throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/user-service",
                "com.swanstudios.identity.user.profile-changed", OffsetDateTime.now(), id.toString(), version, null);
        return PRODUCER.send(new ProducerRecord<>("identity.user.v1", null, id.toString(), body, envelope.toKafkaHeaders())).get();
    }

    /** Until cart-service's consumer group has committed past the record: it was handled, whatever it did. */
    private static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("cart-service").partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static String row(UUID id) throws SQLException {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select username, display_name, role, status, version from known_user where id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getLong(5)
                    : "absent";
        }
    }
}
