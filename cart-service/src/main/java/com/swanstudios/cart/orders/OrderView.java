package com.swanstudios.cart.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order as the API shows it and as {@code commerce.order.v1} carries it (event-carried state: the whole
 * order after each change; JSON Schema in {@code contracts/commerce.order.v1.schema.json}).
 */
@Schema(name = "Order")
public record OrderView(UUID id, UUID userId,
        @Schema(description = "pending_payment, paid, cancelled, expired, payment_failed, refunded or disputed") String status,
        List<Line> items, long totalCents, String currency,
        @Schema(description = "Session credits the order grants once paid") long totalSessions,
        String provider,
        @Schema(nullable = true) String paymentSessionId,
        @Schema(nullable = true, description = "Where the buyer pays, while the payment is pending") String checkoutUrl,
        OffsetDateTime expiresAt, OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime paidAt,
        long version) {

    @Schema(name = "OrderItem")
    public record Line(UUID packageId, String name, int sessionsPerUnit, int quantity, long unitPriceCents, long lineTotalCents) {
    }

    public static OrderView of(CustomerOrder order, List<OrderItem> items) {
        List<Line> lines = items.stream().map(i -> new Line(i.packageId, i.packageName, i.sessionsPerUnit, i.quantity,
                i.unitPriceCents, i.unitPriceCents * i.quantity)).toList();
        return new OrderView(order.id, order.userId, order.status, lines, order.totalCents, order.currency,
                lines.stream().mapToLong(l -> (long) l.sessionsPerUnit() * l.quantity()).sum(), order.provider,
                order.paymentSessionId, CustomerOrder.PENDING_PAYMENT.equals(order.status) ? order.checkoutUrl : null, order.expiresAt, order.createdAt,
                order.paidAt, order.version);
    }
}
