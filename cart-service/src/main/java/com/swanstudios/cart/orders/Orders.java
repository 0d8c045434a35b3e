package com.swanstudios.cart.orders;

import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Orders within the caller's transaction: read them, lock one, and move one to a new status with its
 * {@code commerce.order.v1} event (the whole order, at its new version) staged beside the change.
 */
@ApplicationScoped
public class Orders {

    public static final String TOPIC = "commerce.order.v1";
    static final String TYPE_PREFIX = "com.swanstudios.commerce.order.";

    private final Outbox outbox;

    public Orders(Outbox outbox) {
        this.outbox = outbox;
    }

    public static Uni<List<OrderItem>> items(UUID orderId) {
        return OrderItem.list("orderId = ?1 order by packageName, packageId", orderId);
    }

    public static Uni<OrderView> view(CustomerOrder order) {
        return items(order.id).map(items -> OrderView.of(order, items));
    }

    /** The order, locked for the rest of the transaction; 404 when there is none (or it is not this user's). */
    public static Uni<CustomerOrder> locked(UUID orderId) {
        return CustomerOrder.<CustomerOrder>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Order " + orderId));
    }

    /** Sets the status (and paid time), flushes so the version moves, and stages the order's new state. */
    public Uni<OrderView> moveTo(CustomerOrder order, String status) {
        order.status = status;
        order.updatedAt = now();
        if (CustomerOrder.PAID.equals(status) && order.paidAt == null) {
            order.paidAt = order.updatedAt;
        }
        return announce(order, status);
    }

    /** Stages the order's current state as an event of this type (created, paid, cancelled, ...). */
    public Uni<OrderView> announce(CustomerOrder order, String type) {
        return Panache.getSession().chain(session -> session.flush()).chain(() -> view(order))
                .call(view -> outbox.stage(new OutboundEvent(TOPIC, TYPE_PREFIX + type, view.id().toString(), view.version(), view)));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
