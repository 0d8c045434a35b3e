package com.swanstudios.cart.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A package as cart-service knows it: the last state storefront.package.v1 announced, read-only here. */
@Entity
@Table(name = "known_package")
public class KnownPackage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "package_type", nullable = false, length = 16)
    public String packageType;

    @Column(name = "total_sessions", nullable = false)
    public int totalSessions;

    /** What one of this package costs, in the smallest unit of {@link #currency}. */
    @Column(name = "total_cost_cents", nullable = false)
    public long totalCostCents;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long version;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
