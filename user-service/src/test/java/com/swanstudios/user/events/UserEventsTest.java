package com.swanstudios.user.events;

import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.contract.EventContract;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.user.account.UserEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserEventsTest {

    private static final EventContract CONTRACT = EventContract.of(UserEvents.TOPIC);
    /** What cart-service promises commerce.credits.v1 carries: this test's fixtures are held to it. */
    private static final EventContract CREDITS = EventContract.fromModule("cart-service", "commerce.credits.v1");

    @Test
    void everyChangeIsPublishedAsFullStateAndDeletionEndsInATombstone() {
        Response session = register(unique("rae"));
        String id = session.path("user.id");
        bearer(session.path("accessToken")).body("{\"displayName\": \"Rae R.\"}").when().patch("/api/users/me").then().statusCode(200);
        bearer(adminToken()).body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        // erasure drops events still waiting in the outbox; wait until these three are out
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordsFor(id)).hasSize(3));
        bearer(session.path("accessToken")).body("{\"password\": \"" + com.swanstudios.user.Users.PASSWORD + "\"}").when().delete("/api/users/me").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = recordsFor(id);
            assertThat(records).extracting(r -> header(r, EventEnvelope.CE_TYPE)).containsExactly(
                    UserEvents.REGISTERED, UserEvents.PROFILE_CHANGED, UserEvents.ROLE_CHANGED, UserEvents.DELETED, UserEvents.ERASED);
            records.subList(0, 4).forEach(r -> CONTRACT.assertConforms(r.value()));
            assertThat(records.get(1).value()).contains("\"displayName\": \"Rae R.\"");
            assertThat(records.get(2).value()).contains("\"role\": \"trainer\"");
            assertThat(records.get(3).value()).contains("\"status\": \"deleted\"").doesNotContain("rae_");
            assertThat(records.get(4).value()).as("tombstone").isNull();
            assertThat(records).extracting(r -> r.value() == null ? null : r.value().replaceAll("(?s).*\"version\": (\\d+).*", "$1"))
                    .containsExactly("0", "1", "2", "3", null);
            assertThat(records).as("the envelope carries the version; the tombstone one above the deleted state")
                    .extracting(r -> header(r, EventEnvelope.CE_AGGREGATE_VERSION)).containsExactly("0", "1", "2", "3", "4");
        });
    }

    @Test
    void theFirstCreditGrantMakesAUserAClientOnceHoweverOftenItIsDelivered() throws Exception {
        Response session = register(unique("sam"));
        String id = session.path("user.id");
        String eventId = UUID.randomUUID().toString();
        String adjusted = UUID.randomUUID().toString();
        sendCredits(adjusted, id, "adjusted"); // an admin's correction is not a purchase
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(query("select count(*) from processed_event"
                + " where consumer = 'user-service.credits' and event_id = '" + adjusted + "'")).isEqualTo("1"));
        assertThat(query("select role from user_account where id = '" + id + "'")).isEqualTo("user");
        sendCredits(eventId, id, "granted");
        sendCredits(eventId, id, "granted"); // redelivery
        sendCredits(UUID.randomUUID().toString(), id, "granted"); // a second purchase

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(query("select role from user_account where id = '" + id + "'")).isEqualTo("client"));
        // an upgrade is a promotion: the buyer stays signed in, and the next refresh carries the new role
        bearer(session.path("accessToken")).when().get("/api/users/me").then().statusCode(200);
        json().body("{\"refreshToken\": \"" + session.path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).body("user.role", org.hamcrest.Matchers.equalTo("client"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(query("select count(*) from processed_event where consumer = 'user-service.credits' and event_id = '"
                    + eventId + "'")).isEqualTo("1");
            assertThat(recordsFor(id)).extracting(r -> header(r, EventEnvelope.CE_TYPE))
                    .containsExactly(UserEvents.REGISTERED, UserEvents.ROLE_CHANGED);
        });
    }

    /** An entry of cart-service's ledger as commerce.credits.v1 carries it (contracts/commerce.credits.v1.schema.json). */
    private static void sendCredits(String eventId, String userId, String kind) throws Exception {
        EventEnvelope envelope = new EventEnvelope(eventId, "/cart-service", "com.swanstudios.commerce.credits." + kind,
                OffsetDateTime.now(), userId, null, null);
        String body = """
                {"entryId": "%s", "userId": "%s", "kind": "%s", "amount": 8, "balance": 8, "orderId": %s, "bookingId": null,
                 "reason": %s, "occurredAt": "%s", "version": 1}""".formatted(UUID.randomUUID(), userId, kind,
                kind.equals("granted") ? "\"" + UUID.randomUUID() + "\"" : "null", kind.equals("granted") ? "null" : "\"goodwill\"",
                OffsetDateTime.now());
        CREDITS.assertConforms(body);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("commerce.credits.v1", null, userId,
                    body, envelope.toKafkaHeaders())).get();
        }
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String id) {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), UserEvents.TOPIC).stream()
                .filter(r -> id.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
