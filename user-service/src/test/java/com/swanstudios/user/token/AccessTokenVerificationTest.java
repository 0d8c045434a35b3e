package com.swanstudios.user.token;

import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;

import com.swanstudios.platform.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * user-service verifies its own access tokens through its JWKS, like every other service: only a token it
 * signed, for its issuer, unexpired and RS256 opens {@code /api/users/me}.
 */
@QuarkusTest
class AccessTokenVerificationTest {

    private static final String ISSUER = "https://swanstudios.local";

    @Inject
    SigningKeys keys;

    private String userId;
    private String validToken;

    @BeforeEach
    void signUp() {
        var session = register(unique("tia"));
        userId = session.path("user.id");
        validToken = session.path("accessToken");
    }

    @Test
    void theTokenIssuedAtSignUpWorks() {
        bearer(validToken).when().get("/api/users/me").then().statusCode(200);
        bearer(sign(ISSUER, "swanstudios-api", "at+jwt", Duration.ofMinutes(5))).when().get("/api/users/me").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad signature", "foreign key", "wrong issuer", "expired", "alg none", "untyped", "typed JWT",
            "no audience", "another audience"})
    void anyOtherTokenIs401(String kind) {
        bearer(token(kind)).when().get("/api/users/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    private String token(String kind) {
        String[] parts = validToken.split("\\.");
        return switch (kind) {
            // someone else's id in the payload, this service's signature kept
            case "bad signature" -> parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(userId, UUID.randomUUID().toString())) + "." + parts[2];
            case "foreign key" -> TestTokens.forUser(UUID.fromString(userId), "admin");
            case "wrong issuer" -> sign("https://impostor.example", "swanstudios-api", "at+jwt", Duration.ofMinutes(5));
            case "expired" -> sign(ISSUER, "swanstudios-api", "at+jwt", Duration.ofMinutes(-10));
            // signed with the right key but not an access token: another kind of JWT, or meant for another API
            case "untyped" -> sign(ISSUER, "swanstudios-api", null, Duration.ofMinutes(5));
            case "typed JWT" -> sign(ISSUER, "swanstudios-api", "JWT", Duration.ofMinutes(5));
            case "no audience" -> sign(ISSUER, null, "at+jwt", Duration.ofMinutes(5));
            case "another audience" -> sign(ISSUER, "billing-api", "at+jwt", Duration.ofMinutes(5));
            case "alg none" -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Signed with this service's own current key, so only the claim under test is wrong (null leaves it out). */
    private String sign(String issuer, String audience, String type, Duration lifetime) {
        Instant now = Instant.now();
        var claims = Jwt.issuer(issuer).subject(userId).upn(userId).groups(Set.of("user"))
                .issuedAt(now.minus(Duration.ofMinutes(30))).expiresAt(now.plus(lifetime));
        if (audience != null) {
            claims.audience(audience);
        }
        var signer = claims.jws().keyId(keys.active().kid());
        if (type != null) {
            signer.header("typ", type);
        }
        return signer.sign(keys.active().privateKey());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
