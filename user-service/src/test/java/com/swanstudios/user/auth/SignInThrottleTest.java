package com.swanstudios.user.auth;

import static com.swanstudios.user.Users.PASSWORD;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

import com.swanstudios.user.MailServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failed sign-ins counted across replicas: guessing stops, and the owner always gets in. */
@QuarkusTest
class SignInThrottleTest {

    @Test
    void anAddressThatKeepsFailingForAnAccountWaitsWhileTheOwnerElsewhereGetsIn() {
        String email = register(unique("gus")).path("user.email");
        String guesser = "192.0.2." + (int) (Math.random() * 250);
        for (int attempt = 0; attempt < 5; attempt++) {
            from(guesser).body(credentials(email, "guess number " + attempt)).when().post("/api/auth/login").then().statusCode(401);
        }
        from(guesser).body(credentials(email, PASSWORD)).when().post("/api/auth/login")
                .then().statusCode(429).header("Retry-After", notNullValue()).contentType("application/problem+json");
        from("198.51.100." + (int) (Math.random() * 250)).body(credentials(email, PASSWORD)).when().post("/api/auth/login")
                .then().statusCode(200);
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        String email = register(unique("six")).path("user.email");
        String prefix = "2001:db8:" + Integer.toHexString((int) (Math.random() * 65000)) + ":7::";
        for (int host = 1; host <= 5; host++) {
            from(prefix + host).body(credentials(email, "guess number " + host)).when().post("/api/auth/login").then().statusCode(401);
        }
        from(prefix + "ffff").body(credentials(email, PASSWORD)).when().post("/api/auth/login").then().statusCode(429);
        assertThat(SignInThrottle.addressKey("2001:db8:0:7::1")).isEqualTo(SignInThrottle.addressKey("2001:db8:0:7:ffff::2"))
                .isNotEqualTo(SignInThrottle.addressKey("2001:db8:0:8::1"));
    }

    @Test
    void afterManyFailuresFromManyAddressesThePasswordAloneNoLongerOpensTheAccountButTheMailedLinkDoes() {
        String email = register(unique("dis")).path("user.email");
        for (int attempt = 0; attempt < 150; attempt++) {
            from("203.0." + (attempt / 250) + "." + (attempt % 250 + 1)).body(credentials(email, "guess number " + attempt))
                    .when().post("/api/auth/login").then().statusCode(401);
        }
        // the 151st guess, with the right password, from yet another address: no session
        from("100.64.9.9").body(credentials(email, PASSWORD)).when().post("/api/auth/login")
                .then().statusCode(401).body("type", endsWith("sign-in-link-sent")).body("accessToken", org.hamcrest.Matchers.nullValue());
        from("100.64.9.10").body(credentials(email, "a wrong password")).when().post("/api/auth/login")
                .then().statusCode(401).body("type", endsWith("bad-credentials"));
        // the owner reads the mail and is in
        String token = await().atMost(Duration.ofSeconds(15)).until(() -> MailServer.lastToken(email, "sign-in"), t -> t != null);
        given().contentType(ContentType.JSON).body("{\"token\": \"" + token + "\"}").when().post("/api/auth/login/link")
                .then().statusCode(200).body("accessToken", notNullValue());
        given().contentType(ContentType.JSON).body("{\"token\": \"" + token + "\"}").when().post("/api/auth/login/link")
                .then().statusCode(400).body("type", endsWith("invalid-link"));
    }

    private static RequestSpecification from(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    private static String credentials(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }
}
