package com.swanstudios.user;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.user.mfa.Totp;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Test helpers: fresh users through the real API, and a look at the database. */
public final class Users {

    public static final String PASSWORD = "correct horse battery";

    private Users() {
    }

    /** Registers a new user from a fresh client address (so rate limits of other tests never interfere). */
    public static Response register(String handle) {
        return json().body(registration(handle)).when().post("/api/auth/register").then().statusCode(201).extract().response();
    }

    public static String registration(String handle) {
        return """
                {"email": "%s@example.com", "password": "%s", "username": "%s", "displayName": "%s"}"""
                .formatted(handle, PASSWORD, handle, handle);
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.1." + (int) (Math.random() * 250) + "."
                + (int) (Math.random() * 250));
    }

    public static RequestSpecification bearer(String accessToken) {
        return json().header("Authorization", "Bearer " + accessToken);
    }

    /**
     * Signed in once per ten minutes: the admin's sign-ins are rate-limited per account like anyone's, and the
     * token lives fifteen.
     */
    public static synchronized String adminToken() {
        if (adminToken == null || adminTokenAt.isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            adminToken = signInAsAdmin();
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    /** After something voided the admin's tokens (a demotion and re-promotion of every admin). */
    public static synchronized void forgetAdminToken() {
        adminToken = null;
    }

    private static String adminToken;
    private static Instant adminTokenAt;

    /** The test admin's TOTP secret (swan.admin.totp-secret in the test profile). */
    public static final String ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static String signInAsAdmin() {
        return signInWithCode("admin@test.local", "admin-test-password", ADMIN_TOTP_SECRET).path("accessToken");
    }

    /** Both steps of a sign-in where TOTP is on. */
    public static Response signInWithCode(String email, String password, String totpSecret) {
        String mfaToken = json().body("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")
                .when().post("/api/auth/login").then().statusCode(200).body("mfaRequired", org.hamcrest.Matchers.is(true))
                .extract().path("mfaToken");
        return json().body("{\"mfaToken\": \"" + mfaToken + "\", \"code\": \"" + nextCode(totpSecret) + "\"}")
                .when().post("/api/auth/login/mfa").then().statusCode(200).extract().response();
    }

    /** A staff member's first sign-in: the limited token enrols TOTP, then a refresh gives the role. */
    public record Staff(Response session, String totpSecret, java.util.List<String> recoveryCodes) {

        public String accessToken() {
            return session.path("accessToken");
        }
    }

    public static Staff enrolAtFirstSignIn(String email) {
        Response limited = json().body("{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}")
                .when().post("/api/auth/login").then().statusCode(200).body("mfaEnrolmentRequired", org.hamcrest.Matchers.is(true))
                .extract().response();
        return enrol(limited);
    }

    /** Enrols TOTP with the session's access token and answers the session refreshed afterwards. */
    public static Staff enrol(Response session) {
        String secret = bearer(session.path("accessToken")).body("{\"password\": \"" + PASSWORD + "\"}")
                .when().post("/api/users/me/mfa/totp").then().statusCode(200).extract().path("secret");
        java.util.List<String> codes = bearer(session.path("accessToken")).body("{\"code\": \"" + nextCode(secret) + "\"}")
                .when().post("/api/users/me/mfa/totp/confirm").then().statusCode(200).extract().path("recoveryCodes");
        Response refreshed = json().body("{\"refreshToken\": \"" + session.path("refreshToken") + "\"}")
                .when().post("/api/auth/refresh").then().statusCode(200).body("mfaEnrolmentRequired", org.hamcrest.Matchers.is(false))
                .extract().response();
        return new Staff(refreshed, secret, codes);
    }

    private static final java.util.Map<String, Long> LAST_STEPS = new java.util.HashMap<>();

    /**
     * A code of the secret that the service has not accepted yet: each code works once, so a second sign-in
     * in the same 30 seconds takes the next step's code (accepted one step early), and a third waits.
     */
    public static synchronized String nextCode(String totpSecret) {
        byte[] secret = Totp.fromBase32(totpSecret);
        while (true) {
            long now = Totp.step(Instant.now());
            long step = Math.max(now, LAST_STEPS.getOrDefault(totpSecret, 0L) + 1);
            if (step <= now + 1) {
                LAST_STEPS.put(totpSecret, step);
                return Totp.code(secret, step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static void execute(String sql) throws SQLException {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    public static String query(String sql) throws SQLException {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
