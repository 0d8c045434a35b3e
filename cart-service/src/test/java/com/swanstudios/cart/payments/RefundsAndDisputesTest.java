package com.swanstudios.cart.payments;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.cart.TestCheckouts;
import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin's refund (credits reversed once, money returned once, refused when the credits were used) and a buyer's
 * dispute (credits frozen while open, released when won, kept when lost).
 */
@QuarkusTest
class RefundsAndDisputesTest {

    static final UUID THREE = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();

    @BeforeAll
    static void catalog() {
        TestEvents.awaitConsumed(TestEvents.publishPackage(THREE, "Three sessions", 3, 45_000, true, 1));
    }

    static UUID paidOrder(UUID user) {
        TestCheckouts.Pending pending = TestCheckouts.pending(user, THREE, 1);
        as(user).post("/api/payments/simulated/" + pending.sessionId() + "/complete").then().statusCode(200);
        return pending.orderId();
    }

    static io.restassured.response.Response refund(UUID order) {
        return as(ADMIN, "admin").body("{\"reason\":\"customer asked\"}").post("/api/orders/" + order + "/refund");
    }

    @Test
    void aRefundReversesTheCreditsOnceAndReturnsTheMoneyOnce() {
        UUID user = UUID.randomUUID();
        UUID order = paidOrder(user);
        refund(order).then().statusCode(200).body("order.status", equalTo("refunded")).body("creditsReversed", equalTo(3))
                .body("refundReference", startsWith("re_simulated_"));
        String reference = TestSql.row("select refund_reference from customer_order where id = '" + order + "'");
        refund(order).then().statusCode(200).body("refundReference", equalTo(reference));
        assertThat(TestSql.row("select count(*), sum(amount) from credit_entry where order_id = '" + order
                + "' and kind = 'reversed'")).isEqualTo("1|-3");
        as(user).get("/api/credits/me").then().body("balance", equalTo(0));
        assertThat(TestSql.row("select event_type from outbox_message where aggregate_id = '" + order
                + "' order by seq desc limit 1")).isEqualTo("com.swanstudios.commerce.order.refunded");
    }

    @Test
    @SendsInvalidRequests("no reason")
    void creditsAlreadyUsedAreNotTakenBackAndOnlyAnAdminRefunds() {
        UUID user = UUID.randomUUID();
        UUID order = paidOrder(user);
        as(ADMIN, "admin").body("{\"userId\":\"" + user + "\",\"amount\":-1,\"reason\":\"used one\"}")
                .post("/api/credits/adjustments").then().statusCode(201);
        problem(refund(order), 409, "credits-spent");
        problem(as(user).body("{\"reason\":\"mine\"}").post("/api/orders/" + order + "/refund"), 403, "forbidden");
        problem(as(ADMIN, "admin").body("{}").post("/api/orders/" + order + "/refund"), 400, "validation");
        problem(refund(UUID.randomUUID()), 404, "not-found");
        assertThat(TestSql.row("select status from customer_order where id = '" + order + "'")).isEqualTo("paid");
        as(user).get("/api/credits/me").then().body("balance", equalTo(2));
    }

    static String dispute(String type, UUID order, String status) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\",\"type\":\"" + type
                + "\",\"data\":{\"object\":{\"id\":\"dp_test_1\",\"object\":\"dispute\",\"status\":\"" + status
                + "\",\"payment_intent\":\"pi_simulated_" + order.toString().replace("-", "") + "\"}}}";
    }

    @Test
    void aDisputeFreezesTheCreditsUntilItIsWon() {
        UUID user = UUID.randomUUID();
        UUID order = paidOrder(user);
        String opened = dispute("charge.dispute.created", order, "needs_response");
        TestCheckouts.deliver(opened).then().statusCode(200).body("outcome", equalTo("disputed"));
        TestCheckouts.deliver(opened).then().statusCode(200).body("outcome", equalTo("already_applied"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(0)).body("entries[0].kind", equalTo("frozen"));
        as(user).get("/api/orders/" + order).then().body("status", equalTo("disputed"));
        problem(refund(order), 409, "order-not-refundable");

        TestCheckouts.deliver(dispute("charge.dispute.closed", order, "won")).then().statusCode(200)
                .body("outcome", equalTo("dispute_won"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(3)).body("entries[0].kind", equalTo("released"));
        as(user).get("/api/orders/" + order).then().body("status", equalTo("paid"));
    }

    @Test
    void aLostDisputeKeepsTheFrozenCreditsAndRefundsTheOrder() {
        UUID user = UUID.randomUUID();
        UUID order = paidOrder(user);
        TestCheckouts.deliver(dispute("charge.dispute.created", order, "needs_response")).then().statusCode(200);
        TestCheckouts.deliver(dispute("charge.dispute.closed", order, "lost")).then().statusCode(200)
                .body("outcome", equalTo("dispute_lost"));
        as(user).get("/api/orders/" + order).then().body("status", equalTo("refunded"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(0));
        assertThat(TestSql.count("select count(*) from credit_entry where order_id = '" + order + "' and kind = 'released'"))
                .isZero();
    }
}
