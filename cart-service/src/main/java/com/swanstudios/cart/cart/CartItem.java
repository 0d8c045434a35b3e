package com.swanstudios.cart.cart;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a cart: a package, how many, and what one cost when it was added. */
@Entity
@Table(name = "cart_item")
public class CartItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cart_id", nullable = false)
    public UUID cartId;

    @Column(name = "package_id", nullable = false)
    public UUID packageId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_cents", nullable = false)
    public long unitPriceCents;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;
}
