package com.swanstudios.user.token;

import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SigningKeyRotationTest {

    @Test
    void rotationKeepsEarlierTokensValidAndSignsNewOnesWithTheNewKey() {
        String before = register(unique("ned")).path("accessToken");
        String oldKid = kid(before);
        assertThat(publishedKids()).contains(oldKid);

        var rotation = bearer(adminToken()).when().post("/api/admin/users/signing-keys/rotate")
                .then().statusCode(200).extract().response();
        String newKid = rotation.path("keyId");
        OffsetDateTime activatesAt = OffsetDateTime.parse(rotation.path("activatesAt"));
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(activatesAt).isAfter(OffsetDateTime.now());

        // published at once, signing only later (test profile: 2 s), so verifiers can fetch it first
        assertThat(publishedKids()).contains(oldKid, newKid);
        String meanwhile = register(unique("oda")).path("accessToken");
        if (OffsetDateTime.now().isBefore(activatesAt)) { // always, unless this machine stalled for the whole delay
            assertThat(kid(meanwhile)).isEqualTo(oldKid);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(activatesAt));
        bearer(before).when().get("/api/users/me").then().statusCode(200);
        String after = register(unique("oli")).path("accessToken");
        assertThat(kid(after)).isEqualTo(newKid);
        bearer(after).when().get("/api/users/me").then().statusCode(200);
        assertThat(publishedKids()).as("the old key verifies its tokens until they expire").contains(oldKid, newKid);

        bearer(register(unique("pat")).path("accessToken")).when().post("/api/admin/users/signing-keys/rotate").then().statusCode(403);
    }

    /** The JWKS comes from the database on each request: a key another replica just added is published at once. */
    @Test
    void aKeyAddedByAnotherReplicaIsPublishedAtOnce() throws Exception {
        String kid = "k-other-replica-" + System.nanoTime();
        // a real public key under a new kid, retired at once so that it never signs here
        query("insert into signing_key (kid, private_key, public_jwk, created_at, activates_at, retired_at)"
                + " select '" + kid + "', private_key, replace(public_jwk, kid, '" + kid + "'), now(), now(), now()"
                + " from signing_key order by created_at limit 1 returning kid");
        assertThat(publishedKids()).contains(kid);
    }

    @Test
    void tokensCarryTheClaimsOtherServicesRelyOn() {
        var session = register(unique("quin"));
        String payload = new String(Base64.getUrlDecoder().decode(session.<String>path("accessToken").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sub\":\"" + session.path("user.id") + "\"").contains("\"groups\":[\"user\"]")
                .contains("\"iss\":\"https://swanstudios.local\"").contains("\"jti\":").contains("\"exp\":");
        String header = new String(Base64.getUrlDecoder().decode(session.<String>path("accessToken").split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":");
    }

    private static List<String> publishedKids() {
        return given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void signingKeysAreStoredEncrypted() throws Exception {
        assertThat(com.swanstudios.user.Users.query("select count(*) from signing_key")).isNotEqualTo("0");
        assertThat(com.swanstudios.user.Users.query("select count(*) from signing_key where private_key not like 'v1:%'"))
                .as("no signing key is stored as plain PKCS#8").isEqualTo("0");
    }
}
