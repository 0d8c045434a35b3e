package com.swanstudios.cart.payments;

import com.swanstudios.cart.credits.CreditLedger;
import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.cart.orders.Orders;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An admin's refund of a paid order, in two steps so that credits and money never both go astray: one transaction
 * reverses the order's credits in the ledger (refused when fewer than those remain unspent) and moves the order to
 * {@code refunded}; then the provider returns the money (idempotent per order) and its reference is stored. A
 * refund interrupted between the two is finished by asking again.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final Orders orders;
    private final CreditLedger ledger;
    private final PaymentProviders providers;

    public Refunds(Orders orders, CreditLedger ledger, PaymentProviders providers) {
        this.orders = orders;
        this.ledger = ledger;
        this.providers = providers;
    }

    /** What a refund did: the order, the credits taken back, and the provider's id of the refund. */
    public record Refund(com.swanstudios.cart.orders.OrderView order, int creditsReversed, String refundReference) {
    }

    public Uni<Refund> refund(UUID admin, UUID orderId, String reason) {
        return Panache.withTransaction(() -> Orders.locked(orderId).chain(order -> {
            if (CustomerOrder.REFUNDED.equals(order.status)) {
                return Uni.createFrom().item(order);
            }
            if (!CustomerOrder.PAID.equals(order.status)) {
                throw new DomainException(409, "order-not-refundable", "Conflict", "Order " + orderId + " is " + order.status
                        + ": only a paid order is refunded (a disputed one is settled by its dispute)");
            }
            return Orders.items(order.id).chain(items -> {
                int credits = PaymentOutcomes.sessions(items);
                return ledger.balance(order.userId).chain(balance -> {
                    if (balance < credits) {
                        throw new DomainException(409, "credits-spent", "Conflict", "Only " + balance + " of the order's " + credits
                                + " session credits are unspent: the refund would take back credits already used");
                    }
                    order.refundReason = reason;
                    order.refundedAt = now();
                    return ledger.add(new CreditLedger.Entry(order.userId, CreditLedger.Kind.REVERSED, -credits, order.id, null,
                            reason, admin)).chain(() -> orders.moveTo(order, CustomerOrder.REFUNDED)).replaceWith(order);
                });
            });
        })).chain(this::returnMoney);
    }

    private Uni<Refund> returnMoney(CustomerOrder refunded) {
        Uni<String> reference = refunded.refundReference != null ? Uni.createFrom().item(refunded.refundReference)
                : providers.byName(refunded.provider).refund(refunded.paymentReference, refunded.totalCents, refunded.id)
                        .onFailure().transform(e -> new DomainException(503, "refund-pending", "Service Unavailable",
                                "The order is refunded in the ledger, but the payment provider did not confirm returning the "
                                        + "money: repeat this call to finish"))
                        .call(ref -> Panache.withTransaction(() -> Orders.locked(refunded.id).invoke(order -> {
                            if (order.refundReference == null) {
                                order.refundReference = ref;
                            }
                        })));
        // the credits a refund reverses are all the order granted: its view's totalSessions
        return reference.chain(ref -> Panache.withSession(() -> CustomerOrder.<CustomerOrder>findById(refunded.id)
                        .chain(Orders::view).map(view -> new Refund(view, (int) view.totalSessions(), ref))))
                .invoke(done -> LOG.infof("Order %s refunded: %d credits reversed, provider refund %s", refunded.id,
                        done.creditsReversed(), done.refundReference()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
