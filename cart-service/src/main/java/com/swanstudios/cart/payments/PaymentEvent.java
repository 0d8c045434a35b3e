package com.swanstudios.cart.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.problem.DomainException;

/**
 * What this service reads of a provider's event about a payment session (Stripe's event format): the event's id
 * and type, and of its {@code data.object} the session's id, {@code client_reference_id} (the order),
 * {@code payment_status} and {@code payment_intent}. Read from the verified raw body, so it does not depend on
 * the client library's API version. For a dispute's events ({@code charge.dispute.*}) the object is the dispute:
 * {@code sessionId} is then its id, {@code paymentIntent} the disputed payment and {@code objectStatus} its status.
 */
public record PaymentEvent(String id, String type, String sessionId, String orderReference, String paymentStatus,
        String paymentIntent, String objectStatus) {

    public static final String COMPLETED = "checkout.session.completed";
    public static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    public static final String ASYNC_FAILED = "checkout.session.async_payment_failed";
    public static final String EXPIRED = "checkout.session.expired";

    /** Stripe's {@code payment_status} once the money is there. */
    static final String PAID = "paid";

    /** 400 for a body that is not a Stripe-format event. */
    static PaymentEvent parse(ObjectMapper json, String payload) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw DomainException.invalidField("body", "is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("id").isTextual() || !root.path("type").isTextual()) {
            throw DomainException.invalidField("body", "is not an event: it needs a string id and type");
        }
        JsonNode object = root.path("data").path("object");
        JsonNode intent = object.path("payment_intent");
        return new PaymentEvent(root.get("id").asText(), root.get("type").asText(), text(object.path("id")),
                text(object.path("client_reference_id")), text(object.path("payment_status")),
                intent.isObject() ? text(intent.path("id")) : text(intent), text(object.path("status")));
    }

    boolean aboutDispute() {
        return type.startsWith("charge.dispute.");
    }

    boolean aboutCheckoutSession() {
        return type.startsWith("checkout.session.");
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
