package com.swanstudios.social;

import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.time.Duration;
import java.time.OffsetDateTime;
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
    public static final String COMMUNITIES = "community.activity.v1";
    public static final String JOINED = "com.swanstudios.community.member.joined";
    public static final String LEFT = "com.swanstudios.community.member.left";

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
            new StringSerializer(), new StringSerializer());

    private TestEvents() {
    }

    /** One state of an aggregate ({@code body} null: a tombstone), keyed and versioned like the outbox does. */
    public static RecordMetadata publish(String topic, String source, String type, UUID id, long version, String body) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source, type, OffsetDateTime.now(), id.toString(),
                version, null);
        try {
            return PRODUCER.send(new ProducerRecord<>(topic, null, id.toString(), body, envelope.toKafkaHeaders())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * An event of community.activity.v1 as community-service publishes it: keyed by the member's user id, without an
     * aggregate version; {@code eventId} is its ce_id (the same id twice is a redelivery).
     */
    public static RecordMetadata publishCommunity(String eventId, String type, UUID user, String body) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/community-service", type, OffsetDateTime.now(), user.toString(),
                null, null);
        try {
            return PRODUCER.send(new ProducerRecord<>(COMMUNITIES, null, user.toString(), body, envelope.toKafkaHeaders())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + COMMUNITIES, e);
        }
    }

    /** A member joined ({@link #JOINED}) or left ({@link #LEFT}) a community at this moment; the record. */
    public static RecordMetadata membership(String type, UUID user, UUID community, OffsetDateTime at) {
        return publishCommunity(UUID.randomUUID().toString(), type, user, memberBody(user, community, at));
    }

    /** The body of a joined or left event. */
    public static String memberBody(UUID user, UUID community, OffsetDateTime at) {
        return "{\"userId\":\"" + user + "\",\"communityId\":\"" + community + "\",\"occurredAt\":\"" + at + "\"}";
    }

    /** The username {@link #userState} gives a user. */
    public static String username(UUID id) {
        return "u" + id.toString().substring(0, 8);
    }

    /** A user's state on identity.user.v1 ({@code body} null: the tombstone). */
    public static RecordMetadata publishUser(UUID id, long version, String body) {
        return publish(USERS, "/user-service", "com.swanstudios.identity.user.profile-changed", id, version, body);
    }

    /**
     * A user's state as user-service publishes it; {@code emailVerified} null leaves the field out, as events
     * published before it existed did.
     */
    public static String userState(UUID id, String displayName, String status, Boolean emailVerified, long version) {
        boolean deleted = "deleted".equals(status);
        return "{\"id\":\"" + id + "\",\"username\":" + (deleted ? "null" : "\"u" + id.toString().substring(0, 8) + "\"")
                + ",\"displayName\":\"" + displayName + "\",\"avatarUrl\":" + (deleted ? "null" : "\"https://img.example/a.png\"")
                + ",\"role\":\"user\",\"status\":\"" + status + "\",\"profileVisibility\":\"public\",\"discoverable\":true"
                + (emailVerified == null ? "" : ",\"emailVerified\":" + emailVerified) + ",\"tokensValidAfter\":null"
                + ",\"version\":" + version + "}";
    }

    /** A new user in this state, once social-service knows them. */
    public static UUID knownUser(String status, Boolean emailVerified) {
        UUID id = UUID.randomUUID();
        publishUser(id, 1, userState(id, "Member " + id.toString().substring(0, 4), status, emailVerified, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_user where id = '" + id
                + "'") == 1);
        return id;
    }

    /** An active, verified user with this role and profile visibility, once social-service knows them. */
    public static UUID member(String role, String profileVisibility) {
        UUID id = UUID.randomUUID();
        publishUser(id, 1, userState(id, "Member " + id.toString().substring(0, 4), "active", true, 1)
                .replace("\"role\":\"user\"", "\"role\":\"" + role + "\"")
                .replace("\"profileVisibility\":\"public\"", "\"profileVisibility\":\"" + profileVisibility + "\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_user where id = '" + id
                + "'") == 1);
        return id;
    }

    /** An active user with a verified email: one who may publish. */
    public static UUID member() {
        return knownUser("active", true);
    }

    /** Until social-service's consumer group has committed past the record: it was handled, whatever it did. */
    public static void awaitConsumed(RecordMetadata record) {
        TopicRecords.awaitConsumed(PlatformTestResource.kafka().bootstrapServers(), "social-service", record);
    }
}
