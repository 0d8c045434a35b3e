package com.swanstudios.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import com.swanstudios.localstack.LocalStack;
import com.swanstudios.localstack.bench.Accounts;
import com.swanstudios.localstack.bench.Accounts.Account;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commerce scenario: each buyer, its own account, over and over: adds a package to the cart, checks out with a
 * fresh {@code Idempotency-Key}, and is paid: the provider's {@code checkout.session.completed} is signed as Stripe
 * signs it (the local stack's endpoint secret) and posted to the webhook twice, as a provider retrying a delivery
 * does. The first delivery must answer {@code paid}, the second {@code already_applied}. All through the gateway.
 * An iteration that fails anywhere abandons its checkout so that the buyer's cart is unlocked for the next one.
 * What the answers said is counted here; what the ledger holds is read afterwards ({@link CheckoutLedger}).
 */
final class CheckoutScenario {

    static final String GROUP = "checkout";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String packageId;
    private final List<Account> buyers;
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong repeatsApplied = new AtomicLong();

    private CheckoutScenario(String packageId, List<Account> buyers) {
        this.packageId = packageId;
        this.buyers = buyers;
    }

    /** {@code count} new buyers, signed up straight to user-service before any load. */
    static CheckoutScenario prepare(BenchPlatform platform, int count) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new CheckoutScenario(platform.packageId,
                    Accounts.register(http, platform.stack.userService(), "buyer", count, Duration.ofMinutes(2)));
        } catch (Exception e) {
            throw new IllegalStateException("could not sign the buyers up: " + e, e);
        }
    }

    /** A warm-up, then the measured run, each with every buyer at once (so never two users on one cart). */
    List<PopulationBuilder> load(String gateway, Duration warmUp, Duration measure) {
        return List.of(loop("warm-up " + GROUP, gateway, warmUp), loop(GROUP, gateway, measure));
    }

    private PopulationBuilder loop(String name, String gateway, Duration duration) {
        Iterator<Map<String, Object>> feeder = buyers.stream()
                .map(buyer -> Map.<String, Object>of("token", buyer.accessToken())).iterator();
        // each iteration runs to its end (not cut at the deadline), so no cart is left locked and every answer is counted
        return scenario(name).feed(feeder).during(duration, false).on(
                        exitBlockOnFail().on(group(name).on(iteration(gateway)))
                                .doIf(Session::isFailed).then(abandon(gateway)))
                .injectOpen(atOnceUsers(buyers.size()));
    }

    private ChainBuilder iteration(String gateway) {
        return exec(http("add to cart").post(gateway + "/api/cart/items").header("Authorization", "Bearer #{token}")
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"packageId\": \"" + packageId + "\", \"quantity\": 1}"))
                        .check(status().is(201)))
                .exec(session -> session.set("key", UUID.randomUUID().toString()))
                .exec(http("check out").post(gateway + "/api/cart/checkout").header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{key}").header("Content-Type", "application/json").body(StringBody("{}"))
                        .check(status().is(201), jsonPath("$.orderId").saveAs("orderId"),
                                jsonPath("$.paymentSessionId").saveAs("sessionId")))
                .exec(CheckoutScenario::signCompleted)
                .exec(delivery("webhook", gateway, "paid"))
                .exec(session -> count(session, paid))
                .exec(delivery("webhook again", gateway, "already_applied"))
                .exec(session -> count(session, repeatsApplied));
    }

    private static ChainBuilder delivery(String name, String gateway, String outcome) {
        return exec(http(name).post(gateway + "/api/payments/webhook").header("Content-Type", "application/json")
                .header("Stripe-Signature", "#{signature}").body(StringBody("#{event}"))
                .check(status().is(200), jsonPath("$.outcome").is(outcome)));
    }

    /** Unlocks a cart an iteration left locked (a failure after the checkout), then goes on. */
    private static ChainBuilder abandon(String gateway) {
        return exec(http("abandon after a failure").post(gateway + "/api/cart/checkout/cancel")
                .header("Authorization", "Bearer #{token}").check(status().in(200, 204, 404, 409)))
                .exec(Session::markAsSucceeded);
    }

    private static Session count(Session session, AtomicLong counter) {
        if (!session.isFailed()) {
            counter.incrementAndGet();
        }
        return session;
    }

    /** The event Stripe sends when a Checkout Session is paid, and its Stripe-Signature header. */
    private static Session signCompleted(Session session) {
        String sessionId = session.getString("sessionId");
        String orderId = session.getString("orderId");
        ObjectNode event = JSON.createObjectNode().put("id", "evt_bench_" + UUID.randomUUID().toString().replace("-", ""))
                .put("object", "event").put("type", "checkout.session.completed")
                .put("created", System.currentTimeMillis() / 1000).put("livemode", false);
        event.putObject("data").putObject("object").put("id", sessionId).put("object", "checkout.session")
                .put("client_reference_id", orderId).put("payment_status", "paid").put("status", "complete")
                .put("payment_intent", "pi_bench_" + orderId.replace("-", ""));
        String payload = event.toString();
        try {
            return session.set("event", payload)
                    .set("signature", Webhook.Signature.generateSignatureHeader(payload, LocalStack.LOCAL_WEBHOOK_SECRET));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int buyers() {
        return buyers.size();
    }

    /** Iterations (warm-up and measured) whose first delivery answered paid: each should have granted once. */
    long paid() {
        return paid.get();
    }

    /** Iterations (warm-up and measured) whose second delivery answered already_applied. */
    long repeatsApplied() {
        return repeatsApplied.get();
    }
}
