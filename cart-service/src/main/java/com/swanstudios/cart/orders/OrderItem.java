package com.swanstudios.cart.orders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One line of an order, as it was bought: the package's name, sessions and price at checkout. */
@Entity
@Table(name = "order_item")
@IdClass(OrderItem.Key.class)
public class OrderItem extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Id
    @Column(name = "package_id")
    public UUID packageId;

    @Column(name = "package_name", nullable = false, length = 100)
    public String packageName;

    @Column(name = "sessions_per_unit", nullable = false)
    public int sessionsPerUnit;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_cents", nullable = false)
    public long unitPriceCents;

    /** The line's key: its order and package. */
    public static class Key implements Serializable {
        public UUID orderId;
        public UUID packageId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(orderId, k.orderId) && java.util.Objects.equals(packageId, k.packageId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(orderId, packageId);
        }
    }
}
