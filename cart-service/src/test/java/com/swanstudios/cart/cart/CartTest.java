package com.swanstudios.cart.cart;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.cart.TestApi.item;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cart over HTTP, against the catalog projection filled from storefront.package.v1. */
@QuarkusTest
class CartTest {

    static final UUID STARTER = UUID.randomUUID();
    static final UUID BIG = UUID.randomUUID();
    static final UUID RETIRED = UUID.randomUUID();

    @BeforeAll
    static void catalog() {
        TestEvents.publishPackage(STARTER, "Starter", 4, 56_000, true, 1);
        TestEvents.publishPackage(BIG, "Twenty sessions", 20, 280_000, true, 1);
        TestEvents.publishPackage(RETIRED, "Retired", 8, 112_000, false, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_package where id in ('"
                + STARTER + "', '" + BIG + "', '" + RETIRED + "')") == 3);
    }

    @Test
    void aCartIsCreatedEmptyOnFirstUseAndStaysTheSame() {
        UUID user = UUID.randomUUID();
        String id = as(user).get("/api/cart").then().statusCode(200)
                .body("status", equalTo("active")).body("items", hasSize(0)).body("totalCents", equalTo(0))
                .extract().path("id");
        as(user).get("/api/cart").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void concurrentFirstRequestsMakeOneCart() {
        UUID user = UUID.randomUUID();
        List<String> ids = concurrently(8, () -> as(user).get("/api/cart").then().statusCode(200).extract().<String>path("id"));
        assertThat(ids.stream().distinct()).hasSize(1);
        assertThat(TestSql.count("select count(*) from cart where user_id = '" + user + "'")).isEqualTo(1);
    }

    @Test
    void itemsCarryThePriceWhenAddedAndTheTotalsFollow() {
        UUID user = UUID.randomUUID();
        as(user).body(item(STARTER, 1)).post("/api/cart/items").then().statusCode(201)
                .body("items", hasSize(1)).body("items[0].unitPriceCents", equalTo(56_000)).body("items[0].name", equalTo("Starter"));
        as(user).body(item(STARTER, 2)).post("/api/cart/items").then().statusCode(201)
                .body("items", hasSize(1)).body("items[0].quantity", equalTo(3));
        String big = as(user).body("{\"packageId\":\"" + BIG + "\"}").post("/api/cart/items").then().statusCode(201)
                .body("items", hasSize(2)).body("itemCount", equalTo(4)).body("totalSessions", equalTo(3 * 4 + 20))
                .body("totalCents", equalTo(3 * 56_000 + 280_000)).body("currency", equalTo("USD"))
                .extract().path("items[1].id");

        as(user).body("{\"quantity\":2}").patch("/api/cart/items/" + big).then().statusCode(200)
                .body("totalCents", equalTo(3 * 56_000 + 2 * 280_000));
        as(user).delete("/api/cart/items/" + big).then().statusCode(200)
                .body("items", hasSize(1)).body("totalCents", equalTo(3 * 56_000));
    }

    @Test
    void concurrentAddsOfOnePackageMakeOneLine() {
        UUID user = UUID.randomUUID();
        assertThat(concurrently(5, () -> as(user).body(item(BIG, 2)).post("/api/cart/items").statusCode())).containsOnly(201);
        as(user).get("/api/cart").then().body("items", hasSize(1)).body("items[0].quantity", equalTo(10));
    }

    @Test
    @SendsInvalidRequests("quantities out of range, an id that is not a UUID, broken JSON")
    void whatCannotBeBoughtIsRefusedWithAReasonAndChangesNothing() {
        UUID user = UUID.randomUUID();
        problem(as(user).body(item(UUID.randomUUID(), 1)).post("/api/cart/items"), 404, "unknown-package");
        problem(as(user).body(item(RETIRED, 1)).post("/api/cart/items"), 409, "package-inactive");
        problem(as(user).body(item(STARTER, 11)).post("/api/cart/items"), 400, "validation");
        problem(as(user).body(item(STARTER, 0)).post("/api/cart/items"), 400, "validation");
        as(user).body(item(STARTER, 7)).post("/api/cart/items").then().statusCode(201);
        problem(as(user).body(item(STARTER, 4)).post("/api/cart/items"), 409, "quantity-limit");
        problem(as(user).body("{\"packageId\":\"not-a-uuid\"}").post("/api/cart/items"), 400, "");
        problem(as(user).body("{\"packageId\":").post("/api/cart/items"), 400, "");
        problem(as(user).body("{\"quantity\":3}").patch("/api/cart/items/" + UUID.randomUUID()), 404, "not-found");
        as(user).get("/api/cart").then().body("items", hasSize(1)).body("items[0].quantity", equalTo(7));
    }

    @Test
    void anotherUsersLineCannotBeTouched() {
        UUID owner = UUID.randomUUID();
        String line = as(owner).body(item(STARTER, 1)).post("/api/cart/items").then().statusCode(201).extract().path("items[0].id");
        UUID other = UUID.randomUUID();
        problem(as(other).body("{\"quantity\":5}").patch("/api/cart/items/" + line), 404, "not-found");
        problem(as(other).delete("/api/cart/items/" + line), 404, "not-found");
        as(owner).get("/api/cart").then().body("items[0].quantity", equalTo(1));
    }

    @Test
    void withoutATokenThereIsNoCart() {
        given().get("/api/cart").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aCartWithAnOpenCheckoutIsLocked() {
        UUID user = UUID.randomUUID();
        String line = as(user).body(item(STARTER, 1)).post("/api/cart/items").then().statusCode(201).extract().path("items[0].id");
        TestSql.row("update cart set status = 'pending_payment' where user_id = '" + user + "' returning id");
        problem(as(user).body(item(BIG, 1)).post("/api/cart/items"), 409, "cart-locked");
        problem(as(user).body("{\"quantity\":2}").patch("/api/cart/items/" + line), 409, "cart-locked");
        problem(as(user).delete("/api/cart/items/" + line), 409, "cart-locked");
        as(user).get("/api/cart").then().statusCode(200).body("status", equalTo("pending_payment")).body("items", hasSize(1));
    }
}
