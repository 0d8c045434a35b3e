package com.swanstudios.cart.payments;

import com.swanstudios.cart.cart.CartService;
import com.swanstudios.cart.credits.CreditLedger;
import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.cart.orders.OrderItem;
import com.swanstudios.cart.orders.OrderView;
import com.swanstudios.cart.orders.Orders;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a verified payment event does to its order, in one transaction that locks the order first: paid (the
 * cart completed, the order's session credits granted once, its events staged), failed or expired (the cart
 * unlocked). Providers deliver events at least once, in any order, and concurrently: a repeat finds the order
 * already moved and changes nothing, and the ledger's unique grant per order is the last guard.
 */
@ApplicationScoped
public class PaymentOutcomes {

    private static final Logger LOG = Logger.getLogger(PaymentOutcomes.class);
    private static final Set<String> PAID_OR_AFTER = Set.of(CustomerOrder.PAID, CustomerOrder.REFUNDED, CustomerOrder.DISPUTED);

    /** What an event came to, as the webhook answers it. */
    public enum Outcome {
        PAID, FAILED, EXPIRED, ALREADY_APPLIED, AWAITING_PAYMENT, IGNORED, DISPUTED, DISPUTE_WON, DISPUTE_LOST;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Orders orders;
    private final CartService carts;
    private final CreditLedger ledger;
    private final Disputes disputes;

    public PaymentOutcomes(Orders orders, CartService carts, CreditLedger ledger, Disputes disputes) {
        this.orders = orders;
        this.carts = carts;
        this.ledger = ledger;
        this.disputes = disputes;
    }

    public Uni<Outcome> apply(PaymentEvent event) {
        if (event.aboutDispute()) {
            return disputes.apply(event);
        }
        if (!event.aboutCheckoutSession()) {
            LOG.debugf("Payment event %s of type %s ignored", event.id(), event.type());
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        return Panache.withTransaction(() -> order(event).chain(order -> {
            if (order == null) {
                LOG.warnf("Payment event %s (%s) names no order of this service (session %s, reference %s): ignored", event.id(),
                        event.type(), event.sessionId(), event.orderReference());
                return Uni.createFrom().item(Outcome.IGNORED);
            }
            return switch (event.type()) {
                case PaymentEvent.COMPLETED -> PaymentEvent.PAID.equals(event.paymentStatus()) ? paid(order, event)
                        : awaiting(order, event);
                case PaymentEvent.ASYNC_SUCCEEDED -> paid(order, event);
                case PaymentEvent.ASYNC_FAILED -> ended(order, CustomerOrder.PAYMENT_FAILED, Outcome.FAILED);
                case PaymentEvent.EXPIRED -> ended(order, CustomerOrder.EXPIRED, Outcome.EXPIRED);
                default -> Uni.createFrom().item(Outcome.IGNORED);
            };
        }));
    }

    /**
     * The order, locked: by the reference the checkout gave the provider, else by the session. An event whose session
     * is not the order's own is not about it.
     */
    private static Uni<CustomerOrder> order(PaymentEvent event) {
        UUID reference = uuidOrNull(event.orderReference());
        Uni<CustomerOrder> found = reference != null
                ? CustomerOrder.findById(reference, LockModeType.PESSIMISTIC_WRITE)
                : event.sessionId() == null ? Uni.createFrom().nullItem()
                : CustomerOrder.<CustomerOrder>find("paymentSessionId", event.sessionId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                        .firstResult();
        return found.map(order -> order != null && order.paymentSessionId != null && event.sessionId() != null
                && !order.paymentSessionId.equals(event.sessionId()) ? null : order);
    }

    private Uni<Outcome> paid(CustomerOrder order, PaymentEvent event) {
        if (PAID_OR_AFTER.contains(order.status)) {
            return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
        }
        if (!CustomerOrder.PENDING_PAYMENT.equals(order.status)) {
            // the money was taken although this order had ended (a payment racing its cancel): it is honoured
            LOG.warnf("Order %s was %s when its payment arrived (event %s): marked paid and its credits granted", order.id,
                    order.status, event.id());
        }
        if (order.paymentSessionId == null) {
            order.paymentSessionId = event.sessionId();
        }
        order.paymentReference = event.paymentIntent();
        return orders.moveTo(order, CustomerOrder.PAID)
                .call(() -> carts.complete(order.cartId))
                .chain(() -> Orders.items(order.id))
                .chain(items -> ledger.add(new CreditLedger.Entry(order.userId, CreditLedger.Kind.GRANTED, sessions(items), order.id,
                        null, "order " + order.id, null)))
                .invoke(credit -> LOG.infof("Order %s paid: %d session credits granted to user %s (balance %d)", order.id,
                        credit.amount(), order.userId, credit.balance()))
                .replaceWith(Outcome.PAID);
    }

    private static Uni<Outcome> awaiting(CustomerOrder order, PaymentEvent event) {
        LOG.infof("Order %s: checkout finished with payment_status %s; waiting for the delayed payment (event %s)", order.id,
                event.paymentStatus(), event.id());
        return Uni.createFrom().item(PAID_OR_AFTER.contains(order.status) ? Outcome.ALREADY_APPLIED : Outcome.AWAITING_PAYMENT);
    }

    /** A payment that will not come: the order ends and its cart opens again, unless it had already moved on. */
    private Uni<Outcome> ended(CustomerOrder order, String status, Outcome outcome) {
        if (!CustomerOrder.PENDING_PAYMENT.equals(order.status)) {
            return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
        }
        return end(order, status).replaceWith(outcome);
    }

    /** Ends a pending order that will not be paid (cancelled, expired, payment_failed) and unlocks its cart. */
    public Uni<OrderView> end(CustomerOrder order, String status) {
        return orders.moveTo(order, status).call(() -> carts.release(order.cartId));
    }

    /** The session credits an order's lines add up to. */
    public static int sessions(List<OrderItem> items) {
        return items.stream().mapToInt(i -> i.sessionsPerUnit * i.quantity).sum();
    }

    private static UUID uuidOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
