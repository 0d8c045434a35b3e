package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static com.swanstudios.storefront.catalog.CatalogApi.fixed;
import static com.swanstudios.storefront.catalog.CatalogApi.freshDisplayOrder;
import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service verifies tokens itself (service-kit's JWT wiring): anything but a valid admin token is turned away. */
@QuarkusTest
class TokenVerificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"bad signature", "wrong issuer", "expired", "alg none", "garbage"})
    void anInvalidTokenIs401(String kind) {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(kind))
                .body(fixed("Never " + kind, 3, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    private static String token(String kind) {
        UUID admin = UUID.randomUUID();
        String valid = TestTokens.forUser(admin, "admin");
        String[] parts = valid.split("\\.");
        return switch (kind) {
            case "bad signature" -> parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
            case "wrong issuer" -> TestTokens.issue(admin, "admin", "https://impostor.example", Duration.ofMinutes(5));
            case "expired" -> TestTokens.issue(admin, "admin", TestTokens.ISSUER, Duration.ofMinutes(-10));
            case "alg none" -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            default -> "not-a-jwt";
        };
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
