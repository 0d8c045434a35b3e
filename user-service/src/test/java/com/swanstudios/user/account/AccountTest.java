package com.swanstudios.user.account;

import static com.swanstudios.user.Users.adminToken;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasKey;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountTest {

    @Test
    @SendsInvalidRequests("a script URL as avatar and an unknown experience level")
    void theOwnerChangesTheProfile() {
        Response session = register(unique("gus"));
        String token = session.path("accessToken");
        bearer(token).body("{\"displayName\": \"Gus G.\", \"bio\": \"Lifts things\", \"experienceLevel\": \"advanced\","
                        + " \"profileVisibility\": \"public\", \"discoverable\": false}")
                .when().patch("/api/users/me").then().statusCode(200)
                .body("displayName", equalTo("Gus G.")).body("bio", equalTo("Lifts things"))
                .body("discoverable", equalTo(false)).body("version", equalTo(1));
        bearer(token).body("{\"avatarUrl\": \"javascript:alert(1)\", \"experienceLevel\": \"guru\", \"dateOfBirth\": \"2999-01-01\"}")
                .when().patch("/api/users/me").then().statusCode(400)
                .body("errors.field", hasItems("avatarUrl", "experienceLevel", "dateOfBirth"));
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String taken = unique("hal");
        register(taken);
        bearer(register(unique("ivy")).path("accessToken")).body("{\"username\": \"" + taken.toUpperCase() + "\"}")
                .when().patch("/api/users/me").then().statusCode(409).body("errors.field", hasItems("username"));
    }

    @Test
    void othersSeeWhatThePrivacySettingAllows() {
        Response owner = register(unique("jay"));
        String id = owner.path("user.id");
        bearer(owner.path("accessToken")).body("{\"bio\": \"secret plans\"}").when().patch("/api/users/me").then().statusCode(200);
        String stranger = register(unique("kim")).path("accessToken");

        given().when().get("/api/users/" + id).then().statusCode(200)
                .body("bio", equalTo("secret plans")).body("$", not(hasKey("email")));
        bearer(owner.path("accessToken")).body("{\"profileVisibility\": \"private\"}").when().patch("/api/users/me").then().statusCode(200);
        bearer(stranger).when().get("/api/users/" + id).then().statusCode(200)
                .body("username", equalTo(owner.path("user.username"))).body("bio", nullValue());
        bearer(adminToken()).when().get("/api/users/" + id).then().statusCode(200).body("bio", equalTo("secret plans"));
        given().when().get("/api/users/019a0000-0000-7000-8000-0000000000aa").then().statusCode(404);
    }

    @Test
    @SendsInvalidRequests("an unknown role")
    void onlyAdminsChangeRoles() {
        Response user = register(unique("lee"));
        String id = user.path("user.id");
        bearer(user.path("accessToken")).body("{\"role\": \"admin\"}").when().put("/api/admin/users/" + id + "/role")
                .then().statusCode(403).contentType("application/problem+json");
        json().body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(401);

        String admin = adminToken();
        bearer(admin).body("{\"role\": \"overlord\"}").when().put("/api/admin/users/" + id + "/role")
                .then().statusCode(400).body("errors.field", hasItems("role"));
        bearer(admin).body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role")
                .then().statusCode(200).body("role", equalTo("trainer"));
    }

    @Test
    @SendsInvalidRequests("an erasure without the password")
    void deletingTheAccountErasesPersonalDataAndSignsEverythingOut() throws Exception {
        String handle = unique("max");
        Response session = register(handle);
        String id = session.path("user.id");
        String token = session.path("accessToken");

        bearer(token).body("{\"password\": \"not the password\"}").when().delete("/api/users/me").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("reauthentication-failed"));
        bearer(token).body("{}").when().delete("/api/users/me").then().statusCode(400);
        assertThat(query("select status from user_account where id = '" + id + "'")).isEqualTo("active");
        bearer(token).body(erasure()).when().delete("/api/users/me").then().statusCode(204);

        assertThat(query("select status from user_account where id = '" + id + "'")).isEqualTo("deleted");
        assertThat(query("select coalesce(email, '') || coalesce(username, '') || coalesce(password_hash, '') || coalesce(bio, '')"
                + " from user_account where id = '" + id + "'")).isEmpty();
        assertThat(query("select count(*) from refresh_token where user_id = '" + id + "'")).isEqualTo("0");
        // earlier states (with names) are gone from the outbox; only the deleted state and the tombstone remain
        assertThat(query("select string_agg(event_type, ',' order by seq) from outbox_message where aggregate_id = '" + id + "'"))
                .isEqualTo(UserEvents.DELETED + "," + UserEvents.ERASED);
        json().body("{\"email\": \"" + handle + "@example.com\", \"password\": \"" + com.swanstudios.user.Users.PASSWORD + "\"}")
                .when().post("/api/auth/login").then().statusCode(401);
        json().body("{\"refreshToken\": \"" + session.path("refreshToken") + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
        given().when().get("/api/users/" + id).then().statusCode(404);
        // the token is void at once, here and (through the event) at every service
        bearer(token).when().get("/api/users/me").then().statusCode(401).body("type", org.hamcrest.Matchers.endsWith("token-revoked"));
        // the email and username are free again
        register(handle);
    }

    @Test
    @SendsInvalidRequests("required profile fields sent as null or blank")
    void nullClearsAnOptionalFieldButNotARequiredOne() throws Exception {
        Response session = register(unique("ned"));
        String token = session.path("accessToken");
        String id = session.path("user.id");
        bearer(token).body("{\"dateOfBirth\": \"1990-04-01\", \"hourlyRateCents\": 9000, \"bio\": \"Runs\"}")
                .when().patch("/api/users/me").then().statusCode(200)
                .body("dateOfBirth", equalTo("1990-04-01")).body("hourlyRateCents", equalTo(9000));

        bearer(token).contentType("application/merge-patch+json").body("{\"dateOfBirth\": null, \"hourlyRateCents\": null}")
                .when().patch("/api/users/me").then().statusCode(200)
                .body("dateOfBirth", nullValue()).body("hourlyRateCents", nullValue()).body("bio", equalTo("Runs"));

        bearer(token).body("{\"displayName\": null, \"discoverable\": null}").when().patch("/api/users/me").then().statusCode(400)
                .body("errors.field", hasItems("displayName", "discoverable"));
        bearer(token).body("{\"displayName\": \"   \"}").when().patch("/api/users/me").then().statusCode(400)
                .body("errors.field", hasItems("displayName"));
        assertThat(query("select display_name || ':' || version from user_account where id = '" + id + "'"))
                .isEqualTo(session.path("user.displayName") + ":2");
    }

    @Test
    void aPromotionKeepsTheUserSignedInAndTheLastAdminStays() throws Exception {
        Response user = register(unique("ona"));
        String id = user.path("user.id");
        bearer(adminToken()).body("{\"role\": \"trainer\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        // still signed in: the token held keeps working; the next refresh is staff's, so it can only enrol TOTP
        bearer(user.path("accessToken")).when().get("/api/users/me").then().statusCode(200);
        Response limited = json().body("{\"refreshToken\": \"" + user.path("refreshToken") + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).body("user.role", equalTo("trainer")).body("mfaEnrolmentRequired", equalTo(true))
                .extract().response();
        assertThat(groups(limited.path("accessToken"))).doesNotContain("trainer").contains("mfa-enrolment");
        // once enrolled, the refresh carries the new role
        com.swanstudios.user.Users.Staff trainer = com.swanstudios.user.Users.enrol(limited);
        assertThat(groups(trainer.accessToken())).contains("trainer");

        bearer(adminToken()).body("{\"role\": \"admin\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
        String deputy = com.swanstudios.user.Users.signInWithCode(user.path("user.email"), com.swanstudios.user.Users.PASSWORD,
                trainer.totpSecret()).path("accessToken");
        List<String> otherAdmins = List.of(query("select string_agg(id::text, ',') from user_account"
                + " where role = 'admin' and status = 'active' and id <> '" + id + "'").split(","));
        try {
            otherAdmins.forEach(admin -> bearer(deputy).body("{\"role\": \"user\"}").when().put("/api/admin/users/" + admin + "/role")
                    .then().statusCode(200));
            // now the deputy is the only admin
            bearer(deputy).body("{\"role\": \"user\"}").when().put("/api/admin/users/" + id + "/role")
                    .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("last-admin"));
            bearer(deputy).body(erasure(trainer.recoveryCodes().get(0))).when().delete("/api/users/me")
                    .then().statusCode(409);
        } finally {
            otherAdmins.forEach(admin -> bearer(deputy).body("{\"role\": \"admin\"}").when().put("/api/admin/users/" + admin + "/role")
                    .then().statusCode(200));
            // the demoted admins' tokens were voided: sign in afresh
            com.swanstudios.user.Users.forgetAdminToken();
        }
        bearer(adminToken()).body("{\"role\": \"user\"}").when().put("/api/admin/users/" + id + "/role").then().statusCode(200);
    }

    private static String erasure() {
        return "{\"password\": \"" + com.swanstudios.user.Users.PASSWORD + "\"}";
    }

    private static String erasure(String code) {
        return "{\"password\": \"" + com.swanstudios.user.Users.PASSWORD + "\", \"code\": \"" + code + "\"}";
    }

    private static String groups(String accessToken) {
        return new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }
}
