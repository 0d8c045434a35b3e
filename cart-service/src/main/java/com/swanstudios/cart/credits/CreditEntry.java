package com.swanstudios.cart.credits;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A ledger entry as read back; entries are written only by {@link CreditLedger#add} and never change. */
@Entity
@Immutable
@Table(name = "credit_entry")
public class CreditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false)
    public int amount;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "booking_id")
    public UUID bookingId;

    @Column(length = 500)
    public String reason;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "balance_after", nullable = false)
    public int balanceAfter;

    @Column(name = "balance_version", nullable = false)
    public long balanceVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    CreditEvent toEvent() {
        return new CreditEvent(id, userId, kind, amount, balanceAfter, orderId, bookingId, reason, createdAt, balanceVersion);
    }
}
