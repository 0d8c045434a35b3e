package com.swanstudios.cart.checkout;

import com.swanstudios.cart.orders.CustomerOrder;
import com.swanstudios.cart.orders.Orders;
import com.swanstudios.cart.payments.PaymentOutcomes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Unlocks carts whose checkout was never paid: a pending order past its expiry has its payment page ended at the
 * provider, then expires. When the provider says the buyer paid after all, the order is left for the payment's
 * webhook. Every replica may sweep: each order is re-read under its lock before it changes, and an order the
 * provider could not be asked about waits for the next sweep.
 */
@ApplicationScoped
public class PendingCheckoutExpiry {

    private static final Logger LOG = Logger.getLogger(PendingCheckoutExpiry.class);
    static final int BATCH = 100;

    private final CheckoutService checkouts;
    private final PaymentOutcomes outcomes;

    public PendingCheckoutExpiry(CheckoutService checkouts, PaymentOutcomes outcomes) {
        this.checkouts = checkouts;
        this.outcomes = outcomes;
    }

    @Scheduled(every = "${swan.payments.expiry-sweep-interval:30s}", delayed = "${swan.payments.expiry-sweep-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return expireDue().onFailure().invoke(e -> LOG.warnf("Expiring pending checkouts failed, the next sweep retries: %s",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Expires the pending orders now past their expiry; how many. */
    public Uni<Integer> expireDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withSession(() -> CustomerOrder.<CustomerOrder>find("status = ?1 and expiresAt < ?2 order by expiresAt",
                        CustomerOrder.PENDING_PAYMENT, now).page(0, BATCH).list())
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::expire)
                        .collect().asList())
                .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> expire(CustomerOrder due) {
        return checkouts.endPaymentPage(due).chain(ended -> {
            if (!ended) {
                LOG.infof("Order %s is past its expiry but its payment went through: left for the payment's webhook", due.id);
                return Uni.createFrom().item(false);
            }
            return Panache.withTransaction(() -> Orders.locked(due.id).chain(order -> CustomerOrder.PENDING_PAYMENT.equals(order.status)
                    ? outcomes.end(order, CustomerOrder.EXPIRED).replaceWith(true) : Uni.createFrom().item(false)));
        }).invoke(expired -> {
            if (expired) {
                LOG.infof("Order %s expired unpaid: its cart is open again", due.id);
            }
        }).onFailure().recoverWithItem(e -> {
            LOG.warnf("Order %s could not be expired yet, the next sweep retries: %s", due.id, e.getMessage());
            return false;
        });
    }
}
