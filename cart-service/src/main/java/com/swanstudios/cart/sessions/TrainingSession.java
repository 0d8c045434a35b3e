package com.swanstudios.cart.sessions;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A booked slot: {@code scheduled → confirmed → completed | no_show}, or {@code cancelled} from scheduled or
 * confirmed. It cost the client one credit; a cancellation may give it back, once.
 */
@Entity
@Table(name = "training_session")
public class TrainingSession extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String CONFIRMED = "confirmed";
    public static final String COMPLETED = "completed";
    public static final String NO_SHOW = "no_show";
    public static final String CANCELLED = "cancelled";
    /** The statuses in which the session still holds its time. */
    static final List<String> LIVE = List.of(SCHEDULED, CONFIRMED);

    @Id
    public UUID id;

    @Column(name = "slot_id", nullable = false)
    public UUID slotId;

    @Column(name = "trainer_id", nullable = false)
    public UUID trainerId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "cancelled_by")
    public UUID cancelledBy;

    @Column(name = "cancel_reason", length = 500)
    public String cancelReason;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(nullable = false)
    public boolean refunded;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    boolean involves(java.util.UUID user) {
        return clientId.equals(user) || trainerId.equals(user);
    }
}
