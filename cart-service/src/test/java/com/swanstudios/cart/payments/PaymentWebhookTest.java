package com.swanstudios.cart.payments;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.cart.TestCheckouts.deliver;
import static com.swanstudios.cart.TestCheckouts.sessionEvent;
import static com.swanstudios.cart.TestCheckouts.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.cart.TestCheckouts;
import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.contract.EventContract;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider's notifications: verified before anything is read, applied once however often they come. */
@QuarkusTest
class PaymentWebhookTest {

    static final UUID FIVE = UUID.randomUUID();
    static final EventContract CREDITS = EventContract.of("commerce.credits.v1");
    static final EventContract ORDERS = EventContract.of("commerce.order.v1");

    @BeforeAll
    static void catalog() {
        TestEvents.awaitConsumed(TestEvents.publishPackage(FIVE, "Five sessions", 5, 70_000, true, 1));
    }

    @Test
    void fiftyConcurrentDeliveriesOfOnePaymentGrantOnce() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FIVE, 2);
        String paid = sessionEvent("checkout.session.completed", pending.sessionId(), pending.orderId(), "paid");

        List<String> outcomes = concurrently(50, () -> deliver(paid).then().statusCode(200).extract().<String>path("outcome"));

        assertThat(outcomes).containsOnly("paid", "already_applied");
        assertThat(outcomes.stream().filter("paid"::equals)).hasSize(1);
        assertThat(TestSql.row("select count(*), sum(amount) from credit_entry where user_id = '" + user + "'")).isEqualTo("1|10");
        assertThat(TestSql.row("select balance, version from credit_balance where user_id = '" + user + "'")).isEqualTo("10|1");
        assertThat(TestSql.row("select status, payment_reference from customer_order where id = '" + pending.orderId() + "'"))
                .isEqualTo("paid|pi_test_" + pending.orderId().toString().replace("-", ""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> credits = records("commerce.credits.v1", user.toString());
            assertThat(credits).hasSize(1);
            CREDITS.assertConforms(credits.get(0).value());
            List<ConsumerRecord<String, String>> order = records("commerce.order.v1", pending.orderId().toString());
            assertThat(order).extracting(r -> new String(r.headers().lastHeader(EventEnvelope.CE_TYPE).value(), StandardCharsets.UTF_8))
                    .containsExactly("com.swanstudios.commerce.order.created", "com.swanstudios.commerce.order.paid");
            order.forEach(r -> ORDERS.assertConforms(r.value()));
        });
    }

    @Test
    @SendsInvalidRequests("wrong, stale and missing signatures; a signed body that is not an event")
    void anEventThatIsNotSignedByTheSecretChangesNothing() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FIVE, 1);
        String paid = sessionEvent("checkout.session.completed", pending.sessionId(), pending.orderId(), "paid");
        long now = System.currentTimeMillis() / 1000;

        problem(deliver(paid, sign(paid, "whsec_someone_else", now)), 400, "invalid-signature");
        problem(deliver(paid, sign(paid, secret(), now - 3600)), 400, "invalid-signature");
        problem(deliver(paid.replace("\"paid\"", "\"paid\" "), sign(paid)), 400, "invalid-signature");
        problem(io.restassured.RestAssured.given().contentType("application/json").body(paid).post("/api/payments/webhook"), 400,
                "invalid-signature");
        problem(deliver("[1,2,3]"), 400, "validation");

        assertThat(TestSql.row("select status from customer_order where id = '" + pending.orderId() + "'"))
                .isEqualTo("pending_payment");
        assertThat(TestSql.count("select count(*) from credit_entry where user_id = '" + user + "'")).isZero();
    }

    @Test
    void aDelayedPaymentGrantsOnlyWhenItSucceeds() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FIVE, 1);
        deliver(sessionEvent("checkout.session.completed", pending.sessionId(), pending.orderId(), "unpaid")).then().statusCode(200)
                .body("outcome", equalTo("awaiting_payment"));
        as(user).get("/api/orders/" + pending.orderId()).then().body("status", equalTo("pending_payment"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(0));

        deliver(sessionEvent("checkout.session.async_payment_succeeded", pending.sessionId(), pending.orderId(), "paid")).then()
                .statusCode(200).body("outcome", equalTo("paid"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(5));
    }

    @Test
    void aFailedPaymentEndsTheOrderAndUnlocksTheCart() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FIVE, 1);
        as(user).post("/api/payments/simulated/" + pending.sessionId() + "/fail").then().statusCode(200)
                .body("outcome", equalTo("failed"));
        as(user).get("/api/orders/" + pending.orderId()).then().body("status", equalTo("payment_failed"));
        as(user).get("/api/cart").then().body("status", equalTo("active"));
        as(user).get("/api/credits/me").then().body("balance", equalTo(0));
    }

    @Test
    void otherEventsAndOtherOrdersAreAnsweredAndIgnored() {
        deliver("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\"}}}").then()
                .statusCode(200).body("outcome", equalTo("ignored"));
        deliver(sessionEvent("checkout.session.completed", "cs_elsewhere", UUID.randomUUID(), "paid")).then().statusCode(200)
                .body("outcome", equalTo("ignored"));
    }

    @Test
    void onlyTheBuyerMayUseTheSimulatedPaymentPage() {
        UUID user = UUID.randomUUID();
        TestCheckouts.Pending pending = TestCheckouts.pending(user, FIVE, 1);
        problem(as(UUID.randomUUID()).post("/api/payments/simulated/" + pending.sessionId() + "/complete"), 404, "not-found");
        as(user).get("/api/payments/simulated/" + pending.sessionId()).then().statusCode(200)
                .body("orderId", equalTo(pending.orderId().toString())).body("orderStatus", equalTo("pending_payment"));
        assertThat(TestSql.row("select status from customer_order where id = '" + pending.orderId() + "'"))
                .isEqualTo("pending_payment");
    }

    private static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), topic).stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    private static String secret() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("swan.payments.webhook-secret", String.class);
    }
}
