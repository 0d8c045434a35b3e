package com.swanstudios.community;

import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Other services' events as they publish them (envelope in the headers), sent to the test broker. */
public final class TestEvents {

    public static final String USERS = "identity.user.v1";

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
            new StringSerializer(), new StringSerializer());

    private TestEvents() {
    }

    /** A user's state on identity.user.v1 ({@code body} null: the tombstone), keyed and versioned like the outbox does. */
    public static RecordMetadata publishUser(UUID id, long version, String body) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/user-service",
                "com.swanstudios.identity.user.profile-changed", OffsetDateTime.now(), id.toString(), version, null);
        try {
            return PRODUCER.send(new ProducerRecord<>(USERS, null, id.toString(), body, envelope.toKafkaHeaders())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + USERS, e);
        }
    }

    /**
     * A user's state as user-service publishes it; {@code emailVerified} null leaves the field out, as events
     * published before it existed did.
     */
    public static String userState(UUID id, String displayName, String role, String status, Boolean emailVerified, long version) {
        boolean deleted = "deleted".equals(status);
        return "{\"id\":\"" + id + "\",\"username\":" + (deleted ? "null" : "\"u" + id.toString().substring(0, 8) + "\"")
                + ",\"displayName\":\"" + displayName + "\",\"avatarUrl\":" + (deleted ? "null" : "\"https://img.example/a.png\"")
                + ",\"role\":\"" + role + "\",\"status\":\"" + status + "\",\"profileVisibility\":\"public\",\"discoverable\":true"
                + (emailVerified == null ? "" : ",\"emailVerified\":" + emailVerified) + ",\"tokensValidAfter\":null"
                + ",\"version\":" + version + "}";
    }

    /** A new user in this state, once community-service knows them. */
    public static UUID knownUser(String role, String status, Boolean emailVerified) {
        UUID id = UUID.randomUUID();
        publishUser(id, 1, userState(id, "Member " + id.toString().substring(0, 4), role, status, emailVerified, 1));
        awaitKnown(List.of(id));
        return id;
    }

    /** An active user with a verified email: one who may create communities. */
    public static UUID member() {
        return knownUser("user", "active", true);
    }

    /** {@code n} active, verified users, published at once and awaited together. */
    public static List<UUID> members(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            publishUser(id, 1, userState(id, "Member " + id.toString().substring(0, 4), "user", "active", true, 1));
            ids.add(id);
        }
        awaitKnown(ids);
        return ids;
    }

    /** Until community-service's consumer group has committed past the record: it was handled, whatever it did. */
    public static void awaitConsumed(RecordMetadata record) {
        TopicRecords.awaitConsumed(PlatformTestResource.kafka().bootstrapServers(), "community-service", record);
    }

    private static void awaitKnown(List<UUID> ids) {
        String in = String.join("','", ids.stream().map(UUID::toString).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_user where id in ('" + in
                + "')") == ids.size());
    }
}
