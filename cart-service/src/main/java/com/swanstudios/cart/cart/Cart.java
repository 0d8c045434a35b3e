package com.swanstudios.cart.cart;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's cart; its lines are {@link CartItem}s. At most one open (active or pending payment) per user. */
@Entity
@Table(name = "cart")
public class Cart extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String PENDING_PAYMENT = "pending_payment";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false, length = 20)
    public String status;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
