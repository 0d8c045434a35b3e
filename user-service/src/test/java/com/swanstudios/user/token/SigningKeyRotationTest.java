package com.swanstudios.user.token;

import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
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

        String newKid = bearer(adminToken()).when().post("/api/admin/users/signing-keys/rotate")
                .then().statusCode(200).extract().path("activeKeyId");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(publishedKids()).contains(oldKid, newKid);

        bearer(before).when().get("/api/users/me").then().statusCode(200);
        String after = register(unique("oli")).path("accessToken");
        assertThat(kid(after)).isEqualTo(newKid);
        bearer(after).when().get("/api/users/me").then().statusCode(200);

        bearer(register(unique("pat")).path("accessToken")).when().post("/api/admin/users/signing-keys/rotate").then().statusCode(403);
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
}
