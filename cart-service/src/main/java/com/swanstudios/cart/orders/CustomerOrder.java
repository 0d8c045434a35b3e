package com.swanstudios.cart.orders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a checkout froze, and where its payment stands. Its lines are {@link OrderItem}s. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    public static final String PENDING_PAYMENT = "pending_payment";
    public static final String PAID = "paid";
    public static final String CANCELLED = "cancelled";
    public static final String EXPIRED = "expired";
    public static final String PAYMENT_FAILED = "payment_failed";
    public static final String REFUNDED = "refunded";
    public static final String DISPUTED = "disputed";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "cart_id")
    public UUID cartId;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "total_cents", nullable = false)
    public long totalCents;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, length = 16)
    public String provider;

    @Column(name = "payment_session_id", length = 255)
    public String paymentSessionId;

    @Column(name = "checkout_url", length = 2000)
    public String checkoutUrl;

    /** The provider's id of the payment itself (Stripe's payment intent), once paid: what a refund names. */
    @Column(name = "payment_reference", length = 255)
    public String paymentReference;

    /** The provider's id of the refund, once it confirmed returning the money. */
    @Column(name = "refund_reference", length = 255)
    public String refundReference;

    @Column(name = "refund_reason", length = 500)
    public String refundReason;

    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;

    /** The provider's id of an open or closed dispute of the payment. */
    @Column(name = "dispute_reference", length = 255)
    public String disputeReference;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "idempotency_key", nullable = false, length = 255)
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
}
