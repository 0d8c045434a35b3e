package com.swanstudios.user.mfa;

import static com.swanstudios.user.Users.PASSWORD;
import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.execute;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.nextCode;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.user.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TOTP: enrolment with an otpauth URI and a confirming code, two-step sign-in where each code and each
 * recovery code works once, erasure and turning it off proven by a code, staff who can only enrol until
 * enrolled, wrong codes throttled apart from wrong passwords, and the owner getting in with a code when a
 * password alone no longer opens the account.
 */
@QuarkusTest
class SecondFactorTest {

    @Test
    void aUserEnrolsAndThenEachCodeAndRecoveryCodeSignsInOnce() throws Exception {
        Response user = register(unique("tot"));
        String email = user.path("user.email");
        String token = user.path("accessToken");
        // a full session alone cannot attach an authenticator: the password too
        bearer(token).when().post("/api/users/me/mfa/totp").then().statusCode(403).body("type", endsWith("reauthentication-failed"));
        Response enrolment = bearer(token).body(password()).when().post("/api/users/me/mfa/totp").then().statusCode(200)
                .body("otpauthUri", startsWith("otpauth://totp/SwanStudios:" + email.replace("@", "%40") + "?secret="))
                .extract().response();
        String secret = enrolment.path("secret");
        // nothing changes until a code confirms it
        login(email).then().statusCode(200).body("mfaRequired", equalTo(false));
        bearer(token).body(code(notTheCode(secret))).when().post("/api/users/me/mfa/totp/confirm")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("code"));
        List<String> recoveryCodes = bearer(token).body(code(nextCode(secret))).when().post("/api/users/me/mfa/totp/confirm")
                .then().statusCode(200).body("recoveryCodes", hasSize(10)).extract().path("recoveryCodes");
        bearer(token).body(password()).when().post("/api/users/me/mfa/totp").then().statusCode(409)
                .body("type", endsWith("mfa-already-enabled"));
        String id = user.path("user.id");
        assertThat(query("select secret from totp_credential where user_id = '" + id + "'")).startsWith("v1:").doesNotContain(secret);
        assertThat(query("select string_agg(code_hash, ',') from recovery_code where user_id = '" + id + "'"))
                .doesNotContain(recoveryCodes.get(0).replace("-", ""));

        // the password alone answers a challenge, not tokens
        Response challenge = login(email).then().statusCode(200).body("mfaRequired", equalTo(true))
                .body("accessToken", nullValue()).body("user", nullValue()).extract().response();
        String code = nextCode(secret);
        finish(challenge.path("mfaToken"), wrong(code)).then().statusCode(401).body("type", endsWith("invalid-code"));
        finish(challenge.path("mfaToken"), code).then().statusCode(200).body("user.id", equalTo(id))
                .body("mfaEnrolmentRequired", equalTo(false));
        // a challenge is used once; a code is accepted once
        finish(challenge.path("mfaToken"), code).then().statusCode(401).body("type", endsWith("invalid-mfa-token"));
        finish(login(email).path("mfaToken"), code).then().statusCode(401).body("type", endsWith("invalid-code"));
        // a recovery code, in any case and without dashes, once
        String recovery = recoveryCodes.get(3);
        finish(login(email).path("mfaToken"), recovery.toLowerCase().replace("-", "")).then().statusCode(200);
        finish(login(email).path("mfaToken"), recovery).then().statusCode(401).body("type", endsWith("invalid-code"));

        // erasure asks for a code too
        bearer(token).body("{\"password\": \"" + PASSWORD + "\"}").when().delete("/api/users/me")
                .then().statusCode(403).body("type", endsWith("reauthentication-failed"));
        assertThat(query("select status from user_account where id = '" + id + "'")).isEqualTo("active");
        bearer(token).body("{\"password\": \"" + PASSWORD + "\", \"code\": \"" + recoveryCodes.get(0) + "\"}").when()
                .delete("/api/users/me").then().statusCode(204);
        assertThat(query("select count(*) from totp_credential where user_id = '" + id + "'")).isEqualTo("0");
        assertThat(query("select count(*) from recovery_code where user_id = '" + id + "'")).isEqualTo("0");
    }

    @Test
    void aUserTurnsItOffWithACode() throws Exception {
        Response user = register(unique("off"));
        Users.Staff enrolled = Users.enrol(user);
        String token = enrolled.accessToken();
        bearer(token).body(disabling(PASSWORD, notTheCode(enrolled.totpSecret()))).when().delete("/api/users/me/mfa/totp")
                .then().statusCode(403);
        bearer(token).body(disabling("not the password at all", enrolled.recoveryCodes().get(0))).when().delete("/api/users/me/mfa/totp")
                .then().statusCode(403);
        bearer(token).body(disabling(PASSWORD, enrolled.recoveryCodes().get(0))).when().delete("/api/users/me/mfa/totp").then().statusCode(204);
        login(user.path("user.email")).then().statusCode(200).body("mfaRequired", equalTo(false));
        assertThat(query("select count(*) from recovery_code where user_id = '" + user.path("user.id") + "'")).isEqualTo("0");
    }

    @Test
    void aPromotedTrainerCanOnlyEnrolUntilEnrolledAndMustKeepIt() {
        Response user = register(unique("coach"));
        String id = user.path("user.id");
        bearer(adminToken()).body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        Response limited = login(user.path("user.email")).then().statusCode(200).body("mfaEnrolmentRequired", equalTo(true))
                .body("user.role", equalTo("trainer")).extract().response();
        String only = limited.path("accessToken");
        bearer(only).when().get("/api/users/me").then().statusCode(200).body("role", equalTo("trainer"));
        bearer(only).body("{\"bio\": \"x\"}").when().patch("/api/users/me").then().statusCode(403).body("type", endsWith("limited-token"));
        bearer(only).when().get("/api/users/me/sessions").then().statusCode(403).body("type", endsWith("limited-token"));
        // the public sign-in operations ignore it: a client that sends it along can still log out or refresh
        bearer(only).body("{\"refreshToken\": \"not-a-token\"}").when().post("/api/auth/logout").then().statusCode(204);

        Users.Staff trainer = Users.enrol(limited);
        bearer(trainer.accessToken()).body("{\"bio\": \"Strength coach\"}").when().patch("/api/users/me").then().statusCode(200);
        bearer(trainer.accessToken()).body(disabling(PASSWORD, "123456")).when().delete("/api/users/me/mfa/totp")
                .then().statusCode(409).body("type", endsWith("mfa-required"));
        Users.signInWithCode(user.path("user.email"), PASSWORD, trainer.totpSecret()).then().body("user.role", equalTo("trainer"));

        // a lost authenticator: an admin takes it off, the trainer's tokens die, and the next sign-in enrols again
        bearer(adminToken()).when().delete("/api/admin/users/" + id + "/mfa/totp").then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> bearer(trainer.accessToken()).when().get("/api/users/me")
                .then().statusCode(401).body("type", endsWith("token-revoked")));
        login(user.path("user.email")).then().statusCode(200).body("mfaEnrolmentRequired", equalTo(true));
    }

    @Test
    void aSessionOpenedWithThePasswordAloneNeverBecomesStaff() {
        Response user = register(unique("sly"));
        String id = user.path("user.id");
        bearer(adminToken()).body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        // someone with the password signs in first and keeps the limited session; the trainer enrols on her own
        Response other = login(user.path("user.email")).then().body("mfaEnrolmentRequired", equalTo(true)).extract().response();
        Users.Staff trainer = Users.enrolAtFirstSignIn(user.path("user.email"));
        json().body("{\"refreshToken\": \"" + other.path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(401).body("type", endsWith("second-factor-required"));
        // that session is over; the trainer's own, which confirmed the enrolment, goes on with the role
        json().body("{\"refreshToken\": \"" + trainer.session().path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).body("mfaEnrolmentRequired", equalTo(false));
        // from now on her sign-in asks for a code
        login(user.path("user.email")).then().statusCode(200).body("mfaRequired", equalTo(true)).body("accessToken", nullValue());
    }

    @Test
    void aCodeSentTwiceAtOnceSignsInOnce() throws Exception {
        Response user = register(unique("twi"));
        Users.Staff owner = Users.enrol(user);
        String email = user.path("user.email");
        String code = nextCode(owner.totpSecret());
        String first = login(email).path("mfaToken");
        String second = login(email).path("mfaToken");
        java.util.concurrent.CompletableFuture<Integer> a = java.util.concurrent.CompletableFuture.supplyAsync(() -> finish(first, code).statusCode());
        java.util.concurrent.CompletableFuture<Integer> b = java.util.concurrent.CompletableFuture.supplyAsync(() -> finish(second, code).statusCode());
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void tooManyWrongCodesStopTotpCodesButNotRecoveryCodesAndTheOwnerIsTold() throws Exception {
        Response user = register(unique("blk"));
        Users.Staff owner = Users.enrol(user);
        String email = user.path("user.email");
        // nine wrong codes this hour, from nine addresses, then the tenth: the owner is told by mail
        execute("insert into sign_in_failure (account_key, address_key) select 'code:" + user.path("user.id")
                + "', '198.19.0.' || n from generate_series(1, 9) n");
        finish(login(email).path("mfaToken"), notTheCode(owner.totpSecret())).then().statusCode(401).body("type", endsWith("invalid-code"));
        assertThat(query("select count(*) from outbound_mail where recipient = '" + email
                + "' and subject like 'Someone is trying%'")).isEqualTo("1");
        finish(login(email).path("mfaToken"), nextCode(owner.totpSecret())).then().statusCode(429).body("type", endsWith("rate-limited"));
        finish(login(email).path("mfaToken"), owner.recoveryCodes().get(1)).then().statusCode(200);
    }

    @Test
    void wrongCodesAreThrottledApartFromPasswordsAndTheOwnerStillGetsIn() throws Exception {
        Response user = register(unique("grd"));
        String email = user.path("user.email");
        Users.Staff owner = Users.enrol(user);
        String guesser = "203.0.113." + (int) (Math.random() * 250);
        String code = nextCode(owner.totpSecret());
        // a challenge takes five tries
        String mfaToken = login(email, guesser).path("mfaToken");
        for (int attempt = 0; attempt < 5; attempt++) {
            finish(mfaToken, wrong(code), guesser).then().statusCode(401).body("type", endsWith("invalid-code"));
        }
        finish(mfaToken, code, guesser).then().statusCode(401).body("type", endsWith("invalid-mfa-token"));
        // the right password again does not forgive the wrong codes: this address waits
        finish(login(email, guesser).path("mfaToken"), code, guesser).then().statusCode(429).body("type", endsWith("rate-limited"));
        finish(login(email).path("mfaToken"), code).then().statusCode(200);

        // 100 failed passwords from 100 addresses: the password alone does not open the account, the code does
        execute("insert into sign_in_failure (account_key, address_key) select '" + email.toLowerCase()
                + "', '198.18.0.' || n from generate_series(1, 100) n");
        Response challenge = login(email).then().statusCode(200).body("mfaRequired", equalTo(true)).extract().response();
        finish(challenge.path("mfaToken"), owner.recoveryCodes().get(0)).then().statusCode(200)
                .body("accessToken", org.hamcrest.Matchers.notNullValue());
    }

    private static Response login(String email) {
        return login(email, "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
    }

    private static Response login(String email, String address) {
        return from(address).body("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}").when().post("/api/auth/login");
    }

    private static Response finish(String mfaToken, String code) {
        return finish(mfaToken, code, "10.8." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
    }

    private static Response finish(String mfaToken, String code, String address) {
        return from(address).body("{\"mfaToken\": \"" + mfaToken + "\", \"code\": \"" + code + "\"}").when().post("/api/auth/login/mfa");
    }

    private static RequestSpecification from(String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address);
    }

    private static String password() {
        return "{\"password\": \"" + PASSWORD + "\"}";
    }

    private static String disabling(String password, String code) {
        return "{\"password\": \"" + password + "\", \"code\": \"" + code + "\"}";
    }

    private static String code(String code) {
        return "{\"code\": \"" + code + "\"}";
    }

    /** A six-digit code that is not the current one (without spending one of the helper's steps). */
    private static String notTheCode(String secret) {
        return wrong(Totp.code(Totp.fromBase32(secret), Totp.step(java.time.Instant.now())));
    }

    /** A six-digit code that is not this one. */
    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
