package com.swanstudios.cart.payments;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Where buyers pay: a hosted payment page per order, its early end, and refunds. The provider tells the outcome
 * of a payment through {@code POST /api/payments/webhook} ({@link PaymentEvents}), never through these calls.
 * Implementations never block the caller's thread.
 */
public interface PaymentProvider {

    /** The name stored on each order ({@code stripe}, {@code simulated}). */
    String name();

    /** Opens a payment page for the order; asking again for the same order gives the same page. */
    Uni<Session> open(Request request);

    /** Ends an open payment page; false when it can no longer be ended because the buyer paid. */
    Uni<Boolean> expire(String sessionId);

    /** Refunds this much of a payment; the provider's id of the refund. */
    Uni<String> refund(String paymentReference, long amountCents, UUID orderId);

    record Request(UUID orderId, UUID userId, List<Line> lines, String currency, OffsetDateTime expiresAt) {
    }

    record Line(String name, int quantity, long unitPriceCents) {
    }

    record Session(String id, String checkoutUrl) {
    }
}
