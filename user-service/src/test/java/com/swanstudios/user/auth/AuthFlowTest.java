package com.swanstudios.user.auth;

import static com.swanstudios.user.Users.PASSWORD;
import static com.swanstudios.user.Users.bearer;
import static com.swanstudios.user.Users.json;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.user.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthFlowTest {

    @Test
    void registerAnswersWithTheUserAndBothTokens() {
        String handle = unique("ann");
        Response session = register(handle);
        assertThat(session.<String>path("user.id")).matches("[0-9a-f-]{14}7[0-9a-f-]{21}"); // UUID version 7
        assertThat(session.<String>path("user.role")).isEqualTo("user");
        assertThat(session.<String>path("accessToken")).isNotBlank();
        assertThat(session.<String>path("refreshToken")).isNotBlank();
        assertThat(session.<Integer>path("expiresIn")).isEqualTo(900);

        bearer(session.path("accessToken")).when().get("/api/users/me").then().statusCode(200)
                .body("email", equalTo(handle + "@example.com")).body("username", equalTo(handle));
    }

    @Test
    void emailAndUsernameAreUniqueWhateverTheirCase() {
        String handle = unique("bob");
        register(handle);
        json().body(Users.registration(handle).replace(handle + "@example.com", handle.toUpperCase() + "@EXAMPLE.com")
                        .replace("\"username\": \"" + handle + "\"", "\"username\": \"other_" + handle.substring(4) + "\""))
                .when().post("/api/auth/register").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItems("email"));
        json().body(Users.registration(unique("bob")).replaceAll("\"username\": \"[^\"]+\"", "\"username\": \"" + handle.toUpperCase() + "\""))
                .when().post("/api/auth/register").then().statusCode(409).body("errors.field", hasItems("username"));
    }

    @Test
    @SendsInvalidRequests("bodies with missing, blank and malformed fields")
    void registrationValidationNamesEachBadField() {
        json().body("{\"email\": \"not-an-email\", \"password\": \"short\", \"username\": \"x\", \"displayName\": \"\"}")
                .when().post("/api/auth/register").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("email", "password", "username", "displayName"));
        json().body("{\"email\": ").when().post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        String handle = unique("uma");
        for (String unfit : new String[] {"only eleven", "x".repeat(129), "qwerty123456"}) {
            json().body(Users.registration(handle).replace(PASSWORD, unfit)).when().post("/api/auth/register")
                    .then().statusCode(400).body("errors.field", hasItems("password"));
        }
        json().body(Users.registration(handle).replace("\"displayName\": \"" + handle + "\"", "\"displayName\": \"  \""))
                .when().post("/api/auth/register").then().statusCode(400).body("errors.field", hasItems("displayName"));
    }

    @Test
    void longPassphrasesInAnyScriptAreAcceptedAndSignIn() {
        // 25 CJK characters are 75 bytes of UTF-8 (bcrypt stopped at 72); 128 characters outside the BMP are 512
        for (String passphrase : new String[] {"\u6211\u7684\u5bc6\u7801\u662f\u4e00\u53e5\u5f88\u957f\u7684\u8bdd\u6ca1\u6709\u4eba\u80fd\u731c\u5230\u5b83\u5728\u54ea\u91cc\u6211\u60f3\u4f60\u597d",
                "\ud83d\udd11".repeat(128)}) {
            String handle = unique("cjk");
            json().body(Users.registration(handle).replace(PASSWORD, passphrase)).when().post("/api/auth/register")
                    .then().statusCode(201);
            json().body("{\"email\": \"" + handle + "@example.com\", \"password\": \"" + passphrase + "\"}")
                    .when().post("/api/auth/login").then().statusCode(200);
        }
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String handle = unique("cat");
        register(handle);
        Response wrongPassword = json().body("{\"email\": \"" + handle + "@example.com\", \"password\": \"wrong password\"}")
                .when().post("/api/auth/login").then().statusCode(401).extract().response();
        Response unknown = json().body("{\"email\": \"nobody-" + handle + "@example.com\", \"password\": \"wrong password\"}")
                .when().post("/api/auth/login").then().statusCode(401).extract().response();
        assertThat(unknown.body().asString()).isEqualTo(wrongPassword.body().asString());

        json().body("{\"email\": \"" + handle.toUpperCase() + "@example.com\", \"password\": \"" + PASSWORD + "\"}")
                .when().post("/api/auth/login").then().statusCode(200).body("accessToken", notNullValue());
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeFamily() {
        Response session = register(unique("dan"));
        String first = session.path("refreshToken");

        String second = json().body("{\"refreshToken\": \"" + first + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).body("accessToken", notNullValue()).extract().path("refreshToken");
        assertThat(second).isNotEqualTo(first);

        // the first token again: stolen. Its family dies, including the token the rightful owner holds.
        json().body("{\"refreshToken\": \"" + first + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(401).contentType("application/problem+json");
        json().body("{\"refreshToken\": \"" + second + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Response session = register(unique("eve"));
        String refresh = session.path("refreshToken");
        json().body("{\"refreshToken\": \"" + refresh + "\"}").when().post("/api/auth/logout").then().statusCode(204);
        json().body("{\"refreshToken\": \"" + refresh + "\"}").when().post("/api/auth/refresh").then().statusCode(401);
        json().body("{\"refreshToken\": \"never-issued\"}").when().post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void registrationIsRateLimitedPerAddress() {
        int status = 0;
        for (int attempt = 0; attempt < 15 && status != 429; attempt++) {
            status = given().contentType("application/json").header("X-Forwarded-For", "192.0.2.77")
                    .body(Users.registration(unique("reg"))).when().post("/api/auth/register").then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void registrationIsRateLimitedPerEmailAddress() {
        String body = Users.registration(unique("vic"));
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
            status = json().body(body).when().post("/api/auth/register").then().extract().statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void meNeedsAValidToken() {
        given().when().get("/api/users/me").then().statusCode(401).contentType("application/problem+json");
        bearer("garbage").when().get("/api/users/me").then().statusCode(401).contentType("application/problem+json");
    }
}
