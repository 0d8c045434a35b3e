package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static com.swanstudios.storefront.catalog.CatalogApi.asAdmin;
import static com.swanstudios.storefront.catalog.CatalogApi.count;
import static com.swanstudios.storefront.catalog.CatalogApi.fixed;
import static com.swanstudios.storefront.catalog.CatalogApi.freshDisplayOrder;
import static com.swanstudios.storefront.catalog.CatalogApi.freshName;
import static com.swanstudios.storefront.catalog.CatalogApi.monthly;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CatalogWriteTest {

    @Test
    void anAdminCreatesAPackageAndTheServiceDerivesItsTotals() {
        String name = freshName("Bronze");
        Response created = asAdmin()
                .body(fixed(name, 10, 15000, freshDisplayOrder()).replace("}", ", \"totalSessions\": 1, \"totalCostCents\": 1}"))
                .when().post(PACKAGES).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("totalSessions", equalTo(10))
                .body("totalCostCents", equalTo(150000))
                .body("currency", equalTo("USD"))
                .body("active", equalTo(true))
                .extract().response();
        assertThat(created.header("Location")).endsWith(PACKAGES + "/" + created.path("id"));

        asAdmin().body(monthly(freshName("Quarter"), 3, 2, 14000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(201)
                .body("totalSessions", equalTo(24)).body("totalCostCents", equalTo(336000));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            fixed   | "sessions": 8, "pricePerSessionCents": 13999           | pricePerSessionCents
            fixed   | "pricePerSessionCents": 15000                          | sessions
            fixed   | "sessions": 8, "months": 2, "pricePerSessionCents": 15000 | months
            monthly | "months": 3, "pricePerSessionCents": 15000             | sessionsPerWeek
            monthly | "months": 3, "sessionsPerWeek": 2, "sessions": 24, "pricePerSessionCents": 15000 | sessions
            weekly  | "sessions": 8, "pricePerSessionCents": 15000           | packageType
            fixed   | "sessions": 0, "pricePerSessionCents": 15000           | sessions
            fixed   | "sessions": 8                                          | pricePerSessionCents
            fixed   | "sessions": 8, "pricePerSessionCents": 15000, "currency": "EUR" | currency
            """)
    @SendsInvalidRequests("one broken field per case")
    void everyBrokenRuleIsA400NamingTheFieldAndWritesNothing(String type, String fields, String badField) throws Exception {
        String name = freshName("Broken");
        String body = "{\"name\": \"" + name + "\", \"packageType\": \"" + type + "\", " + fields
                + ", \"displayOrder\": " + freshDisplayOrder() + "}";
        asAdmin().body(body).when().post(PACKAGES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(badField));
        assertThat(count("select count(*) from training_package where name = '" + name + "'")).isZero();
        assertThat(count("select count(*) from outbox_message where payload->>'name' = '" + name + "'")).isZero();
    }

    @Test
    @SendsInvalidRequests("a blank name")
    void aBlankNameIsNamed() {
        asAdmin().body(fixed("  ", 4, 15000, freshDisplayOrder())).when().post(PACKAGES).then().statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void nameAndTypeAreUniqueAndSoIsDisplayOrderAmongActivePackages() throws Exception {
        String name = freshName("Unique");
        int order = freshDisplayOrder();
        asAdmin().body(fixed(name, 4, 15000, order)).when().post(PACKAGES).then().statusCode(201);

        asAdmin().body(fixed(name.toUpperCase(), 6, 15000, freshDisplayOrder())).when().post(PACKAGES).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        asAdmin().body(monthly(name, 1, 1, 15000, freshDisplayOrder())).when().post(PACKAGES).then().statusCode(201);
        asAdmin().body(fixed(freshName("Other"), 4, 15000, order)).when().post(PACKAGES).then().statusCode(409)
                .body("errors.field", hasItem("displayOrder"));
        assertThat(count("select count(*) from training_package where display_order = " + order)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            price below the minimum | 'fixed', 2, null, null, 2, 13000, 26000, 'USD'
            total cost not the product | 'fixed', 2, null, null, 2, 15000, 1, 'USD'
            fixed total not its sessions | 'fixed', 2, null, null, 3, 15000, 45000, 'USD'
            monthly total not months x weekly x 4 | 'monthly', null, 2, 2, 8, 15000, 120000, 'USD'
            monthly with sessions | 'monthly', 5, 2, 2, 16, 15000, 240000, 'USD'
            priced in another currency | 'fixed', 2, null, null, 2, 15000, 30000, 'EUR'
            """)
    void theDatabaseRejectsADirectInsertThatBreaksARule(String rule, String values) {
        String sql = "insert into training_package (id, name, package_type, sessions, months, sessions_per_week, total_sessions,"
                + " price_per_session_cents, total_cost_cents, currency, display_order) values (gen_random_uuid(), '" + freshName("Sql")
                + "', " + values + ", " + freshDisplayOrder() + ")";
        assertThat(sqlStateOf(sql)).as(rule).isEqualTo("23514"); // check_violation
    }

    @Test
    void theDatabaseRejectsASecondActivePackageOnTheSameDisplayOrder() throws Exception {
        String insert = "insert into training_package (id, name, package_type, sessions, total_sessions, price_per_session_cents,"
                + " total_cost_cents, display_order, active) values (gen_random_uuid(), '%s', 'fixed', 1, 1, 15000, 15000, 10, %s)";
        // display order 10 belongs to the active "Single Session" of the starter catalog
        assertThat(sqlStateOf(insert.formatted(freshName("Dup"), "true"))).isEqualTo("23505"); // unique_violation
        assertThat(sqlStateOf(insert.formatted(freshName("Inactive"), "false"))).as("inactive packages may share it").isNull();
    }

    /** The SQLSTATE a statement fails with, or null when it succeeds. */
    private static String sqlStateOf(String sql) {
        try {
            CatalogApi.execute(sql);
            return null;
        } catch (java.sql.SQLException e) {
            return e.getSQLState();
        }
    }

    @Test
    void concurrentUpdatesWithTheSameETagLetExactlyOneWin() {
        Response created = asAdmin().body(fixed(freshName("Contested"), 5, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(201).extract().response();
        String id = created.path("id");
        String etag = created.header("ETag");

        List<CompletableFuture<Integer>> writes = List.of(15100, 15200).stream()
                .map(price -> CompletableFuture.supplyAsync(() -> asAdmin().header("If-Match", etag)
                        .body(fixed(created.path("name"), 5, price, created.path("displayOrder")))
                        .when().put(PACKAGES + "/" + id).then().extract().statusCode()))
                .toList();
        List<Integer> statuses = writes.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);

        given().when().get(PACKAGES + "/" + id).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        asAdmin().header("If-Match", etag).body(fixed(created.path("name"), 5, 16000, created.path("displayOrder")))
                .when().put(PACKAGES + "/" + id).then().statusCode(412).contentType("application/problem+json");
        asAdmin().body(fixed(created.path("name"), 5, 16000, created.path("displayOrder")))
                .when().put(PACKAGES + "/" + id).then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void deactivatingHidesThePackageFromTheListingButKeepsIt() {
        Response created = asAdmin().body(fixed(freshName("Retired"), 3, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(201).extract().response();
        String id = created.path("id");

        asAdmin().when().delete(PACKAGES + "/" + id).then().statusCode(428).contentType("application/problem+json");
        asAdmin().header("If-Match", "\"7\"").when().delete(PACKAGES + "/" + id).then().statusCode(412);
        asAdmin().header("If-Match", created.header("ETag")).when().delete(PACKAGES + "/" + id).then().statusCode(204);
        // repeating it (the client did not see the first answer) is not a conflict
        asAdmin().header("If-Match", created.header("ETag")).when().delete(PACKAGES + "/" + id).then().statusCode(204);

        given().when().get(PACKAGES + "/" + id).then().statusCode(200).body("active", equalTo(false)).body("version", equalTo(1));
        given().queryParam("limit", 100).when().get(PACKAGES).then().statusCode(200).body("items.id", not(hasItem(id)));
        // its display order is free again for an active package
        String successor = asAdmin().body(fixed(freshName("Successor"), 3, 15000, created.path("displayOrder")))
                .when().post(PACKAGES).then().statusCode(201).extract().path("id");
        // If-Match: * says "whatever its version is", deliberately
        asAdmin().header("If-Match", "*").when().delete(PACKAGES + "/" + successor).then().statusCode(204);
        given().when().get(PACKAGES + "/" + successor).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void onlyAdminsWrite() {
        String body = fixed(freshName("Forbidden"), 3, 15000, freshDisplayOrder());
        given().contentType(ContentType.JSON).body(body).when().post(PACKAGES).then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + CatalogApi.CLIENT).body(body)
                .when().post(PACKAGES).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + CatalogApi.CLIENT)
                .when().delete(PACKAGES + "/019a0000-0000-7000-8000-000000000001").then().statusCode(403);
    }
}
