package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static com.swanstudios.storefront.catalog.CatalogApi.fixed;
import static com.swanstudios.storefront.catalog.CatalogApi.freshDisplayOrder;
import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service verifies tokens itself (service-kit's JWT wiring): anything but a valid admin token is turned away. */
@QuarkusTest
class TokenVerificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"bad signature", "wrong issuer", "expired", "alg none", "garbage", "untyped", "other audience"})
    void anInvalidTokenIs401(String kind) {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(kind))
                .body(fixed("Never " + kind, 3, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    /**
     * Revocation reaches this service through identity.user.v1 (service-kit's TokenRevocations): a token
     * issued before the user's tokensValidAfter is refused once the event is applied, a later one is not.
     */
    @Test
    void aLimitedTokenIsRefusedHereWhateverItsGroups() {
        String limited = TestTokens.limited(UUID.randomUUID(), "admin", "mfa-enrolment");
        given().header("Authorization", "Bearer " + limited).when().get(PACKAGES + "?includeInactive=true")
                .then().statusCode(403).contentType("application/problem+json").body("type", endsWith("limited-token"));
        // the same request with a full admin token is answered
        given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID(), "admin"))
                .when().get(PACKAGES + "?includeInactive=true").then().statusCode(200);
    }

    @Test
    void aTokenVoidedOnTheIdentityTopicIsRefusedHere() throws Exception {
        UUID admin = UUID.randomUUID();
        Instant validAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String before = TestTokens.issue(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, "at+jwt",
                validAfter.minusSeconds(2), Duration.ofMinutes(5));
        String after = TestTokens.issue(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, "at+jwt", validAfter,
                Duration.ofMinutes(5));
        given().header("Authorization", "Bearer " + before).when().get(PACKAGES + "?includeInactive=true").then().statusCode(200);

        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/user-service",
                "com.swanstudios.identity.user.role-changed", OffsetDateTime.now(), admin.toString(), 7L, null);
        String state = """
                {"id": "%s", "username": "demoted", "displayName": "Demoted", "avatarUrl": null, "role": "user",
                 "status": "active", "profileVisibility": "public", "discoverable": true, "tokensValidAfter": "%s", "version": 7}"""
                .formatted(admin, validAfter);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("identity.user.v1", null, admin.toString(), state, envelope.toKafkaHeaders())).get();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", "Bearer " + before)
                .when().get(PACKAGES + "?includeInactive=true")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", endsWith("token-revoked"))
                .header("WWW-Authenticate", containsString("invalid_token")));
        given().header("Authorization", "Bearer " + after).when().get(PACKAGES + "?includeInactive=true").then().statusCode(200);
    }

    private static String token(String kind) {
        UUID admin = UUID.randomUUID();
        String valid = TestTokens.forUser(admin, "admin");
        String[] parts = valid.split("\\.");
        return switch (kind) {
            case "bad signature" -> parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            case "wrong issuer" -> TestTokens.issue(admin, "admin", "https://impostor.example", Duration.ofMinutes(5));
            case "expired" -> TestTokens.issue(admin, "admin", TestTokens.ISSUER, Duration.ofMinutes(-10));
            case "untyped" -> TestTokens.issue(admin, "admin", TestTokens.ISSUER, TestTokens.AUDIENCE, null, Instant.now(),
                    Duration.ofMinutes(5));
            case "other audience" -> TestTokens.issue(admin, "admin", TestTokens.ISSUER, "billing-api", "at+jwt", Instant.now(),
                    Duration.ofMinutes(5));
            case "alg none" -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            default -> "not-a-jwt";
        };
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
