package com.swanstudios.cart.payments;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.cart.TestApi.item;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.cart.TestCheckouts.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.cart.TestCheckouts;
import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkout through the Stripe provider and stripe-java, against {@link StripeStub} on a local port. */
@QuarkusTest
@TestProfile(StripeCheckoutTest.WithStripe.class)
class StripeCheckoutTest {

    public static class WithStripe implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StripeStub.class));
        }
    }

    static final UUID SIX = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();

    @BeforeAll
    static void catalog() {
        TestEvents.awaitConsumed(TestEvents.publishPackage(SIX, "Six sessions", 6, 90_000, true, 1));
    }

    @AfterEach
    void recover() {
        StripeStub.failing = false;
    }

    @Test
    void aCheckoutOpensOneStripeSessionForTheOrder() {
        UUID user = UUID.randomUUID();
        as(user).body(item(SIX, 2)).post("/api/cart/items").then().statusCode(201);
        String order = checkout(user, "stripe-1").then().statusCode(201)
                .body("checkoutUrl", startsWith("https://checkout.stripe.test/c/pay/cs_test_")).extract().path("orderId");
        checkout(user, "stripe-1").then().statusCode(201).body("orderId", equalTo(order));

        List<StripeStub.Call> created = StripeStub.CALLS.stream().filter(c -> c.path().equals("/v1/checkout/sessions")
                && ("checkout-" + order).equals(c.idempotencyKey())).toList();
        assertThat(created).hasSize(1);
        StripeStub.Call call = created.get(0);
        assertThat(call.authorization()).isEqualTo("Bearer sk_test_stub");
        assertThat(call.form()).containsEntry("mode", "payment").containsEntry("client_reference_id", order)
                .containsEntry("metadata[orderId]", order).containsEntry("line_items[0][quantity]", "2")
                .containsEntry("line_items[0][price_data][unit_amount]", "90000")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][product_data][name]", "Six sessions");
        assertThat(Long.parseLong(call.form().get("expires_at"))).isGreaterThan(System.currentTimeMillis() / 1000 + 30 * 60);
    }

    @Test
    void whenStripeFailsTheCheckoutAnswers503AndTheSameKeyFinishesIt() {
        UUID user = UUID.randomUUID();
        as(user).body(item(SIX, 1)).post("/api/cart/items").then().statusCode(201);
        StripeStub.failing = true;
        problem(checkout(user, "stripe-retry"), 503, "payment-provider-unavailable");
        assertThat(TestSql.row("select status, payment_session_id from customer_order where user_id = '" + user + "'"))
                .isEqualTo("pending_payment|null");

        StripeStub.failing = false;
        checkout(user, "stripe-retry").then().statusCode(201).body("paymentSessionId", startsWith("cs_test_"));
        assertThat(TestSql.count("select count(*) from customer_order where user_id = '" + user + "'")).isEqualTo(1);
    }

    @Test
    void cancellingExpiresTheStripeSessionUnlessTheBuyerAlreadyPaid() {
        UUID user = UUID.randomUUID();
        as(user).body(item(SIX, 1)).post("/api/cart/items").then().statusCode(201);
        String session = checkout(user, "stripe-cancel").then().statusCode(201).extract().path("paymentSessionId");
        as(user).post("/api/cart/checkout/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        assertThat(StripeStub.STATUS).containsEntry(session, "expired");

        String paid = checkout(user, "stripe-paid").then().statusCode(201).extract().path("paymentSessionId");
        StripeStub.paid(paid);
        problem(as(user).post("/api/cart/checkout/cancel"), 409, "order-paid");
        assertThat(TestSql.row("select status from customer_order where payment_session_id = '" + paid + "'"))
                .isEqualTo("pending_payment");
        problem(as(user).get("/api/payments/simulated/" + paid), 404, "not-found");
    }

    @Test
    void aRefundAsksStripeOnceForThePaymentIntent() {
        UUID user = UUID.randomUUID();
        as(user).body(item(SIX, 1)).post("/api/cart/items").then().statusCode(201);
        io.restassured.response.Response opened = checkout(user, "stripe-refund");
        UUID order = UUID.fromString(opened.path("orderId"));
        TestCheckouts.deliver(TestCheckouts.sessionEvent("checkout.session.completed", opened.path("paymentSessionId"), order, "paid"))
                .then().statusCode(200).body("outcome", equalTo("paid"));
        String intent = "pi_test_" + order.toString().replace("-", "");

        for (int i = 0; i < 2; i++) {
            as(ADMIN, "admin").body("{\"reason\":\"duplicate purchase\"}").post("/api/orders/" + order + "/refund").then()
                    .statusCode(200).body("order.status", equalTo("refunded")).body("refundReference", startsWith("re_test_"));
        }
        List<StripeStub.Call> refunds = StripeStub.CALLS.stream().filter(c -> c.path().equals("/v1/refunds")
                && ("refund-" + order).equals(c.idempotencyKey())).toList();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).form()).containsEntry("payment_intent", intent).containsEntry("amount", "90000")
                .containsEntry("metadata[orderId]", order.toString());
    }
}
