package com.swanstudios.user;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.PlatformTestResource;
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

    private static String signInAsAdmin() {
        return json().body("{\"email\": \"admin@test.local\", \"password\": \"admin-test-password\"}")
                .when().post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
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
