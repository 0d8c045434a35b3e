package com.swanstudios.user.recovery;

import static com.swanstudios.user.Users.PASSWORD;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.user.MailServer;
import com.swanstudios.user.Users;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Links mailed through a real SMTP server: verification at sign-up, password reset, and the 7-day rule. */
@QuarkusTest
class RecoveryTest {

    private static final Duration MAILED = Duration.ofSeconds(15);

    @Inject
    UnverifiedAccounts unverified;

    @Test
    @SendsInvalidRequests("a verification link used twice")
    void theSignUpMailVerifiesTheAddressOnce() {
        Response session = register(unique("ver"));
        String email = session.path("user.email");
        bearer(session.path("accessToken")).when().get("/api/users/me").then().statusCode(200).body("emailVerified", equalTo(false));
        String token = await().atMost(MAILED).until(() -> MailServer.lastToken(email, "verify-email"), t -> t != null);

        json().body("{\"token\": \"" + token + "\"}").when().post("/api/auth/verify-email")
                .then().statusCode(200).body("emailVerified", equalTo(true));
        json().body("{\"token\": \"" + token + "\"}").when().post("/api/auth/verify-email")
                .then().statusCode(400).body("type", endsWith("invalid-link"));
        bearer(session.path("accessToken")).when().get("/api/users/me").then().statusCode(200).body("emailVerified", equalTo(true));
    }

    @Test
    @SendsInvalidRequests("reset links used twice, and an unfit new password")
    void aResetLinkWorksOnceEndsEverySessionAndVerifiesTheAddress() throws Exception {
        Response session = register(unique("rst"));
        String email = session.path("user.email");
        String stranger = unique("nobody") + "@example.com";
        json().body("{\"email\": \"" + stranger + "\"}").when().post("/api/auth/password-reset").then().statusCode(202);
        json().body("{\"email\": \"" + email + "\"}").when().post("/api/auth/password-reset").then().statusCode(202);
        String token = await().atMost(MAILED).until(() -> MailServer.lastToken(email, "reset-password"), t -> t != null);

        json().body("{\"token\": \"" + token + "\", \"newPassword\": \"qwerty123456\"}").when().post("/api/auth/password-reset/confirm")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("newPassword"));
        String newPassword = "a brand new passphrase";
        json().body("{\"token\": \"" + token + "\", \"newPassword\": \"" + newPassword + "\"}").when().post("/api/auth/password-reset/confirm")
                .then().statusCode(204);
        json().body("{\"token\": \"" + token + "\", \"newPassword\": \"yet another passphrase\"}").when().post("/api/auth/password-reset/confirm")
                .then().statusCode(400).body("type", endsWith("invalid-link"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> bearer(session.path("accessToken")).when().get("/api/users/me")
                .then().statusCode(401).body("type", endsWith("token-revoked")));
        json().body("{\"refreshToken\": \"" + session.path("refreshToken") + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
        json().body("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}").when().post("/api/auth/login").then().statusCode(401);
        String fresh = json().body("{\"email\": \"" + email + "\", \"password\": \"" + newPassword + "\"}").when().post("/api/auth/login")
                .then().statusCode(200).extract().path("accessToken");
        bearer(fresh).when().get("/api/users/me").then().body("emailVerified", equalTo(true));
        assertThat(MailServer.mailTo(stranger)).isEmpty();
        assertThat(query("select count(*) from outbound_mail where body is not null and sent_at is not null")).isEqualTo("0");
    }

    @Test
    void anAccountUnverifiedForAWeekIsErasedUnlessItBoughtSomething() throws Throwable {
        Response idle = register(unique("idl"));
        Response buyer = register(unique("buy"));
        String idleId = idle.path("user.id");
        String buyerId = buyer.path("user.id");
        String buyerEmail = buyer.path("user.email");
        await().atMost(MAILED).until(() -> MailServer.mailTo(buyerEmail).size() == 1);
        Users.execute("update user_account set created_at = now() - interval '8 days' where id in ('" + idleId + "', '" + buyerId + "')");
        Users.execute("update user_account set role = 'client' where id = '" + buyerId + "'");

        VertxContextSupport.subscribeAndAwait(unverified::sweep);

        assertThat(query("select status || ':' || coalesce(email, '') from user_account where id = '" + idleId + "'")).isEqualTo("deleted:");
        assertThat(query("select status from user_account where id = '" + buyerId + "'")).isEqualTo("active");
        await().atMost(MAILED).until(() -> MailServer.mailTo(buyerEmail).size() == 2);
        // reminded once: a second sweep sends nothing more
        VertxContextSupport.subscribeAndAwait(unverified::sweep);
        assertThat(query("select count(*) from outbound_mail where recipient = '" + buyerEmail + "'")).isEqualTo("2");
    }
}
