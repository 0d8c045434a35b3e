package com.swanstudios.storefront.catalog;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** What the catalog tests share: callers with tokens, request bodies, and a look at the database. */
final class CatalogApi {

    static final String PACKAGES = "/api/storefront/packages";
    static final String ADMIN = TestTokens.forUser(UUID.randomUUID(), "admin");
    static final String CLIENT = TestTokens.forUser(UUID.randomUUID(), "client");

    private static final java.util.concurrent.atomic.AtomicInteger DISPLAY_ORDERS = new java.util.concurrent.atomic.AtomicInteger(1000);

    private CatalogApi() {
    }

    static RequestSpecification asAdmin() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ADMIN);
    }

    static String fixed(String name, int sessions, long priceCents, int displayOrder) {
        return """
                {"name": "%s", "description": "test package", "packageType": "fixed", "sessions": %d,
                 "pricePerSessionCents": %d, "displayOrder": %d}""".formatted(name, sessions, priceCents, displayOrder);
    }

    static String monthly(String name, int months, int perWeek, long priceCents, int displayOrder) {
        return """
                {"name": "%s", "packageType": "monthly", "months": %d, "sessionsPerWeek": %d,
                 "pricePerSessionCents": %d, "displayOrder": %d}""".formatted(name, months, perWeek, priceCents, displayOrder);
    }

    /** A display order no other test uses, so tests stay independent of each other. */
    static int freshDisplayOrder() {
        return DISPLAY_ORDERS.incrementAndGet();
    }

    static String freshName(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(
                PlatformTestResource.postgres().jdbcUrl(PlatformTestResource.DATABASE.database()),
                PlatformTestResource.DATABASE.role(), PlatformTestResource.DATABASE.password());
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
