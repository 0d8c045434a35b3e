package com.swanstudios.user.account;

import static com.swanstudios.user.Users.PASSWORD;
import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Changes that must act at once on the tokens a user holds: demotion, suspension, sign-out everywhere and a
 * password change void the access tokens (401 token-revoked) and, but for a demotion, end the sessions.
 */
@QuarkusTest
class RevocationTest {

    private static final Duration APPLIED = Duration.ofSeconds(5);

    @Test
    void aDemotedAdminsOldTokenCannotPromoteHimBack() throws Exception {
        Response user = register(unique("dem"));
        String id = user.path("user.id");
        bearer(adminToken()).body("{\"role\": \"admin\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        String adminSession = com.swanstudios.user.Users.enrolAtFirstSignIn(user.path("user.email")).accessToken();
        bearer(adminSession).when().get("/api/admin/users?limit=1").then().statusCode(200);

        bearer(adminToken()).body("{\"role\": \"user\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);

        await().atMost(APPLIED).untilAsserted(() -> bearer(adminSession).body("{\"role\": \"admin\"}")
                .when().put("/api/admin/users/" + id + "/role")
                .then().statusCode(401).contentType("application/problem+json").body("type", endsWith("token-revoked")));
        bearer(adminSession).when().get("/api/users/me").then().statusCode(401);
        assertThat(query("select role from user_account where id = '" + id + "'")).isEqualTo("user");
        // a demotion keeps the sessions: a refresh gives a token with the lesser role that works
        String refreshed = json().body("{\"refreshToken\": \"" + user.path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).body("user.role", equalTo("user")).extract().path("accessToken");
        bearer(refreshed).when().get("/api/users/me").then().statusCode(200);
        bearer(refreshed).when().get("/api/admin/users").then().statusCode(403);
    }

    @Test
    void aSuspendedUserIsSignedOutEverywhereAndCannotSignInUntilReinstated() {
        Response user = register(unique("sus"));
        String id = user.path("user.id");
        bearer(adminToken()).body("{\"status\": \"suspended\"}").when().put("/api/admin/users/" + id + "/status")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("reason"));
        bearer(adminToken()).body("{\"status\": \"suspended\", \"reason\": \"spam\"}").when().put("/api/admin/users/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("suspended")).body("suspendedReason", equalTo("spam"));

        await().atMost(APPLIED).untilAsserted(() -> bearer(user.path("accessToken")).when().get("/api/users/me")
                .then().statusCode(401).body("type", endsWith("token-revoked")));
        json().body("{\"refreshToken\": \"" + user.path("refreshToken") + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
        json().body(credentials(user.path("user.email"), PASSWORD)).when().post("/api/auth/login")
                .then().statusCode(403).body("type", endsWith("account-suspended"));
        json().body(credentials(user.path("user.email"), "wrong password here")).when().post("/api/auth/login").then().statusCode(401);

        bearer(adminToken()).body("{\"status\": \"active\"}").when().put("/api/admin/users/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("active"));
        String fresh = login(user.path("user.email"), PASSWORD).path("accessToken");
        bearer(fresh).when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndVoidsEveryToken() {
        String handle = unique("eve");
        Response first = register(handle);
        Response second = login(first.path("user.email"), PASSWORD);
        bearer(first.path("accessToken")).when().get("/api/users/me/sessions").then().statusCode(200)
                .body("items", hasSize(2)).body("items.findAll { it.current }", hasSize(1));

        bearer(second.path("accessToken")).when().delete("/api/users/me/sessions").then().statusCode(204);

        for (Response session : new Response[] {first, second}) {
            await().atMost(APPLIED).untilAsserted(() -> bearer(session.path("accessToken")).when().get("/api/users/me")
                    .then().statusCode(401).body("type", endsWith("token-revoked")));
            json().body("{\"refreshToken\": \"" + session.path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                    .then().statusCode(401);
        }
        Response third = login(first.path("user.email"), PASSWORD);
        bearer(third.path("accessToken")).when().get("/api/users/me/sessions").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndTheOldPassword() {
        Response other = register(unique("pwd"));
        String email = other.path("user.email");
        Response here = login(email, PASSWORD);
        String newPassword = "a new and longer passphrase";

        bearer(here.path("accessToken")).body(change("wrong current password", newPassword))
                .when().put("/api/users/me/password").then().statusCode(403);
        bearer(here.path("accessToken")).body(change(PASSWORD, "qwerty123456"))
                .when().put("/api/users/me/password").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("newPassword"));
        Response changed = bearer(here.path("accessToken")).body(change(PASSWORD, newPassword))
                .when().put("/api/users/me/password").then().statusCode(200).extract().response();

        bearer(changed.path("accessToken")).when().get("/api/users/me").then().statusCode(200);
        await().atMost(APPLIED).untilAsserted(() -> bearer(other.path("accessToken")).when().get("/api/users/me")
                .then().statusCode(401).body("type", endsWith("token-revoked")));
        json().body("{\"refreshToken\": \"" + other.path("refreshToken") + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
        json().body(credentials(email, PASSWORD)).when().post("/api/auth/login").then().statusCode(401);
        login(email, newPassword);

        // a second revocation within the same second voids the tokens issued after the first one too
        bearer(changed.path("accessToken")).when().delete("/api/users/me/sessions").then().statusCode(204);
        await().atMost(APPLIED).untilAsserted(() -> bearer(changed.path("accessToken")).when().get("/api/users/me")
                .then().statusCode(401).body("type", endsWith("token-revoked")));
    }

    @Test
    void adminsFindAccountsByTextRoleAndStatusAPageAtATime() {
        String tag = unique("findme").toLowerCase();
        for (int i = 0; i < 3; i++) {
            register(tag + i);
        }
        Response firstPage = bearer(adminToken()).queryParam("q", tag.toUpperCase()).queryParam("limit", 2)
                .when().get("/api/admin/users").then().statusCode(200).body("items", hasSize(2)).extract().response();
        bearer(adminToken()).queryParam("q", tag).queryParam("limit", 2).queryParam("cursor", (String) firstPage.path("nextCursor"))
                .when().get("/api/admin/users").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].username", equalTo(tag + 2)).body("nextCursor", org.hamcrest.Matchers.nullValue());
        bearer(adminToken()).queryParam("q", tag).queryParam("role", "admin").when().get("/api/admin/users")
                .then().statusCode(200).body("items", hasSize(0));
        bearer(adminToken()).queryParam("q", "100%_").when().get("/api/admin/users").then().statusCode(200).body("items", hasSize(0));
    }

    private static Response login(String email, String password) {
        return json().body(credentials(email, password)).when().post("/api/auth/login").then().statusCode(200).extract().response();
    }

    private static String credentials(String email, String password) {
        return "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
    }

    private static String change(String current, String next) {
        return "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + next + "\"}";
    }
}
