package com.swanstudios.cart.checkout;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.cart.TestApi.item;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.cart.TestCheckouts.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.swanstudios.cart.TestCheckouts;
import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkout over HTTP with the simulated provider: orders, idempotency, re-pricing, the cart's lock and its release. */
@QuarkusTest
class CheckoutTest {

    static final UUID FOUR = UUID.randomUUID();
    static final UUID EIGHT = UUID.randomUUID();

    @Inject
    PendingCheckoutExpiry expiry;

    @BeforeAll
    static void catalog() {
        TestEvents.publishPackage(FOUR, "Four sessions", 4, 56_000, true, 1);
        TestEvents.publishPackage(EIGHT, "Eight sessions", 8, 112_000, true, 1);
        awaitPackages(2, FOUR, EIGHT);
    }

    static void awaitPackages(int n, UUID... ids) {
        StringBuilder in = new StringBuilder();
        for (UUID id : ids) {
            in.append(in.length() > 0 ? "," : "").append('\'').append(id).append('\'');
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_package where id in ("
                + in + ")") == n);
    }

    @Test
    void aCheckoutFreezesTheCartIntoAPendingOrderAndLocksTheCart() {
        UUID user = UUID.randomUUID();
        as(user).body(item(FOUR, 2)).post("/api/cart/items").then().statusCode(201);
        Response answer = checkout(user, "first");
        answer.then().statusCode(201).body("status", equalTo("pending_payment")).body("totalCents", equalTo(112_000))
                .body("currency", equalTo("USD")).body("checkoutUrl", containsString("/api/payments/simulated/cs_simulated_"));
        String order = answer.path("orderId");

        as(user).get("/api/cart").then().statusCode(200).body("status", equalTo("pending_payment"));
        problem(as(user).body(item(EIGHT, 1)).post("/api/cart/items"), 409, "cart-locked");
        as(user).get("/api/orders/" + order).then().statusCode(200).body("status", equalTo("pending_payment"))
                .body("items", hasSize(1)).body("items[0].quantity", equalTo(2)).body("totalSessions", equalTo(8));
        assertThat(TestSql.row("select event_type from outbox_message where topic = 'commerce.order.v1' and aggregate_id = '"
                + order + "'")).isEqualTo("com.swanstudios.commerce.order.created");
        as(UUID.randomUUID()).get("/api/orders/" + order).then().statusCode(404);
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameOrderEvenAtOnce() {
        UUID user = UUID.randomUUID();
        as(user).body(item(FOUR, 1)).post("/api/cart/items").then().statusCode(201);
        List<String> orders = concurrently(6, () -> checkout(user, "once").then().statusCode(201).extract().<String>path("orderId"));
        assertThat(orders.stream().distinct()).hasSize(1);
        assertThat(TestSql.count("select count(*) from customer_order where user_id = '" + user + "'")).isEqualTo(1);

        problem(as(user).header("Idempotency-Key", "once").body("{\"expectedTotalCents\":1}").post("/api/cart/checkout"), 422,
                "idempotency-key-reused");
        problem(checkout(user, "another"), 409, "checkout-open");
    }

    @Test
    @SendsInvalidRequests("no Idempotency-Key, one too long, a total that is not a number")
    void aCheckoutNeedsAKeyACartAndABodyThatReads() {
        UUID user = UUID.randomUUID();
        problem(as(user).body("{}").post("/api/cart/checkout"), 400, "idempotency-key-required");
        problem(checkout(user, "k".repeat(256)), 400, "idempotency-key-required");
        problem(checkout(user, "empty"), 409, "cart-empty");
        problem(as(user).header("Idempotency-Key", "bad").body("{\"expectedTotalCents\":\"ten\"}").post("/api/cart/checkout"), 400,
                "validation");
        assertThat(TestSql.count("select count(*) from customer_order where user_id = '" + user + "'")).isZero();
    }

    @Test
    void aPriceThatMovedSinceTheItemWasAddedIsShownBeforeAnyOrder() {
        UUID moving = UUID.randomUUID();
        TestEvents.publishPackage(moving, "Moving", 5, 75_000, true, 1);
        awaitPackages(1, moving);
        UUID user = UUID.randomUUID();
        String line = as(user).body(item(moving, 2)).post("/api/cart/items").then().statusCode(201).extract().path("items[0].id");

        TestEvents.awaitConsumed(TestEvents.publishPackage(moving, "Moving", 5, 90_000, true, 2));
        Response refused = checkout(user, "moved");
        problem(refused, 409, "price-changed");
        refused.then().body("errors[0].field", equalTo("items/" + line)).body("detail", containsString("180000"));
        assertThat(TestSql.count("select count(*) from customer_order where user_id = '" + user + "'")).isZero();
        as(user).get("/api/cart").then().statusCode(200).body("status", equalTo("active"))
                .body("items[0].unitPriceCents", equalTo(90_000)).body("totalCents", equalTo(180_000));

        checkout(user, "after-review").then().statusCode(201).body("totalCents", equalTo(180_000));
    }

    @Test
    void aTotalOtherThanTheOneShownIsRefused() {
        UUID user = UUID.randomUUID();
        as(user).body(item(FOUR, 1)).post("/api/cart/items").then().statusCode(201);
        problem(as(user).header("Idempotency-Key", "shown").body("{\"expectedTotalCents\":55000}").post("/api/cart/checkout"), 409,
                "price-changed");
        as(user).header("Idempotency-Key", "shown-right").body("{\"expectedTotalCents\":56000}").post("/api/cart/checkout").then()
                .statusCode(201);
    }

    @Test
    void aPackageTakenOffSaleCannotBeCheckedOut() {
        UUID retiring = UUID.randomUUID();
        TestEvents.publishPackage(retiring, "Retiring", 3, 45_000, true, 1);
        awaitPackages(1, retiring);
        UUID user = UUID.randomUUID();
        as(user).body(item(retiring, 1)).post("/api/cart/items").then().statusCode(201);
        TestEvents.awaitConsumed(TestEvents.publishPackage(retiring, "Retiring", 3, 45_000, false, 2));
        problem(checkout(user, "retired"), 409, "package-inactive");
        as(user).get("/api/cart").then().body("status", equalTo("active"));
    }

    @Test
    void cancellingEndsTheOrderAndUnlocksTheCart() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FOUR, 1);
        as(user).post("/api/cart/checkout/cancel").then().statusCode(200).body("id", equalTo(pending.orderId().toString()))
                .body("status", equalTo("cancelled")).body("checkoutUrl", equalTo(null));
        as(user).get("/api/cart").then().statusCode(200).body("status", equalTo("active")).body("items", hasSize(1));
        as(user).body(item(EIGHT, 1)).post("/api/cart/items").then().statusCode(201);
        problem(as(user).post("/api/cart/checkout/cancel"), 409, "no-checkout-open");
        assertThat(TestSql.row("select event_type from outbox_message where aggregate_id = '" + pending.orderId()
                + "' order by seq desc limit 1")).isEqualTo("com.swanstudios.commerce.order.cancelled");
    }

    @Test
    void aCheckoutLeftUnpaidExpiresAndUnlocksTheCart() throws Throwable {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, EIGHT, 1);
        TestSql.row("update customer_order set expires_at = now() - interval '1 minute' where id = '" + pending.orderId()
                + "' returning id");
        assertThat(VertxContextSupport.subscribeAndAwait(expiry::expireDue)).isGreaterThanOrEqualTo(1);
        as(user).get("/api/orders/" + pending.orderId()).then().body("status", equalTo("expired"));
        as(user).get("/api/cart").then().body("status", equalTo("active"));
        // the payment page's own expiry, arriving later, changes nothing more
        TestCheckouts.deliver(TestCheckouts.sessionEvent("checkout.session.expired", pending.sessionId(), pending.orderId(), "unpaid"))
                .then().statusCode(200).body("outcome", equalTo("already_applied"));
    }

    @Test
    void aPaidOrderCompletesTheCartAndTheNextRequestOpensANewOne() {
        UUID user = UUID.randomUUID();
        String first = as(user).get("/api/cart").then().extract().path("id");
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FOUR, 3);
        as(user).post("/api/payments/simulated/" + pending.sessionId() + "/complete").then().statusCode(200)
                .body("outcome", equalTo("paid"));
        as(user).get("/api/orders/" + pending.orderId()).then().body("status", equalTo("paid")).body("paidAt", not(equalTo(null)));
        as(user).get("/api/cart").then().statusCode(200).body("status", equalTo("active")).body("items", hasSize(0))
                .body("id", not(equalTo(first)));
        as(user).get("/api/credits/me").then().statusCode(200).body("balance", equalTo(12)).body("entries", hasSize(1))
                .body("entries[0].kind", equalTo("granted")).body("entries[0].orderId", equalTo(pending.orderId().toString()));
        as(user).get("/api/orders").then().statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("paid"));
        problem(as(user).post("/api/cart/checkout/cancel"), 409, "no-checkout-open");
    }
}
