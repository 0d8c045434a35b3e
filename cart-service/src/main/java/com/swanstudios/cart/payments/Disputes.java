package com.swanstudios.cart.payments;

import com.swanstudios.cart.credits.CreditLedger;
import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.cart.orders.Orders;
import com.swanstudios.cart.payments.PaymentOutcomes.Outcome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A buyer's dispute of a payment, from the provider's {@code charge.dispute.created} and {@code .closed}: while it is
 * open the order is {@code disputed} and its unspent credits are frozen (a ledger entry, at most what it granted and
 * what the balance holds); won, they are released and the order is paid again; lost, the money went back, the order
 * is refunded and the frozen credits stay taken. Each step applies once, whatever the number of deliveries.
 */
@ApplicationScoped
public class Disputes {

    private static final Logger LOG = Logger.getLogger(Disputes.class);
    static final String CREATED = "charge.dispute.created";
    static final String CLOSED = "charge.dispute.closed";
    /** Closed in the seller's favour: Stripe's {@code won}, or an inquiry closed without a chargeback. */
    static final Set<String> RELEASING = Set.of("won", "warning_closed");

    private final Orders orders;
    private final CreditLedger ledger;

    public Disputes(Orders orders, CreditLedger ledger) {
        this.orders = orders;
        this.ledger = ledger;
    }

    Uni<Outcome> apply(PaymentEvent event) {
        if (event.paymentIntent() == null || !Set.of(CREATED, CLOSED).contains(event.type())) {
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        return Panache.withTransaction(() -> CustomerOrder.<CustomerOrder>find("paymentReference", event.paymentIntent())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(order -> {
                    if (order == null) {
                        LOG.warnf("Dispute event %s names no payment of this service (%s): ignored", event.id(), event.paymentIntent());
                        return Uni.createFrom().item(Outcome.IGNORED);
                    }
                    return CREATED.equals(event.type()) ? opened(order, event) : closed(order, event);
                }));
    }

    private Uni<Outcome> opened(CustomerOrder order, PaymentEvent event) {
        if (!CustomerOrder.PAID.equals(order.status)) {
            return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
        }
        order.disputeReference = event.sessionId();
        return Orders.items(order.id).chain(items -> ledger.balance(order.userId).chain(balance -> {
            int freeze = Math.min(PaymentOutcomes.sessions(items), balance);
            Uni<?> held = freeze == 0 ? Uni.createFrom().voidItem() : ledger.add(new CreditLedger.Entry(order.userId,
                    CreditLedger.Kind.FROZEN, -freeze, order.id, null, "dispute " + event.sessionId(), null));
            LOG.warnf("Order %s disputed (%s): %d credits frozen", order.id, event.sessionId(), freeze);
            return held.chain(() -> orders.moveTo(order, CustomerOrder.DISPUTED)).replaceWith(Outcome.DISPUTED);
        }));
    }

    private Uni<Outcome> closed(CustomerOrder order, PaymentEvent event) {
        if (!CustomerOrder.DISPUTED.equals(order.status)) {
            return Uni.createFrom().item(Outcome.ALREADY_APPLIED);
        }
        if (!RELEASING.contains(event.objectStatus())) {
            order.refundReason = "dispute lost (" + event.objectStatus() + ")";
            order.refundedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return orders.moveTo(order, CustomerOrder.REFUNDED).replaceWith(Outcome.DISPUTE_LOST);
        }
        return ledger.frozen(order.id).chain(frozen -> (frozen == 0 ? Uni.createFrom().voidItem()
                        : ledger.add(new CreditLedger.Entry(order.userId, CreditLedger.Kind.RELEASED, frozen, order.id, null,
                                "dispute " + event.sessionId() + " won", null)))
                .chain(() -> orders.moveTo(order, CustomerOrder.PAID)).replaceWith(Outcome.DISPUTE_WON));
    }
}
