package com.swanstudios.cart;

import static com.swanstudios.cart.TestApi.as;
import static com.swanstudios.cart.TestApi.item;

import com.stripe.net.Webhook;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** A buyer's way to an open checkout, and the provider's signed events about it. */
public final class TestCheckouts {

    private TestCheckouts() {
    }

    /** An open checkout: its order's id and payment session. */
    public record Pending(UUID orderId, String sessionId) {
    }

    public static Response checkout(UUID user, String key) {
        return as(user).header("Idempotency-Key", key).body("{}").post("/api/cart/checkout");
    }

    /** Puts {@code quantity} of the package in the user's cart and checks out. */
    public static Pending pending(UUID user, UUID packageId, int quantity) {
        as(user).body(item(packageId, quantity)).post("/api/cart/items").then().statusCode(201);
        Response answer = checkout(user, "key-" + UUID.randomUUID());
        answer.then().statusCode(201);
        return new Pending(UUID.fromString(answer.path("orderId")), answer.path("paymentSessionId"));
    }

    /** A Stripe-format event about a checkout session. */
    public static String sessionEvent(String type, String sessionId, UUID orderId, String paymentStatus) {
        return "{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"event\",\"type\":\"" + type
                + "\",\"data\":{\"object\":{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"client_reference_id\":\""
                + orderId + "\",\"payment_status\":\"" + paymentStatus + "\",\"payment_intent\":\"pi_test_" + orderId.toString()
                .replace("-", "") + "\"}}}";
    }

    /** The Stripe-Signature header the configured endpoint secret gives this body now. */
    public static String sign(String payload) {
        return sign(payload, ConfigProvider.getConfig().getValue("swan.payments.webhook-secret", String.class),
                System.currentTimeMillis() / 1000);
    }

    public static String sign(String payload, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers a signed event to the webhook, as the provider does. */
    public static Response deliver(String payload) {
        return deliver(payload, sign(payload));
    }

    public static Response deliver(String payload, String signature) {
        return io.restassured.RestAssured.given().contentType(ContentType.JSON).header("Stripe-Signature", signature).body(payload)
                .post("/api/payments/webhook");
    }
}
