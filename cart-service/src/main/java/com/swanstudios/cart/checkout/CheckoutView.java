package com.swanstudios.cart.checkout;

import com.swanstudios.cart.orders.OrderView;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkout's answer: the order waiting for its payment, and where the buyer pays. */
@Schema(name = "Checkout")
public record CheckoutView(UUID orderId,
        @Schema(description = "pending_payment until the provider reports the payment") String status,
        String paymentSessionId,
        @Schema(description = "Send the buyer here to pay") String checkoutUrl,
        @Schema(description = "When the payment page closes and the cart unlocks") OffsetDateTime expiresAt,
        long totalCents, String currency) {

    static CheckoutView of(OrderView order) {
        return new CheckoutView(order.id(), order.status(), order.paymentSessionId(), order.checkoutUrl(), order.expiresAt(),
                order.totalCents(), order.currency());
    }
}
