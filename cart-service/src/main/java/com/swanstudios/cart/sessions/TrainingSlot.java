package com.swanstudios.cart.sessions;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A trainer's availability: a time a client may book. The database refuses two of a trainer's that overlap. */
@Entity
@Table(name = "training_slot")
public class TrainingSlot extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String BOOKED = "booked";
    public static final String WITHDRAWN = "withdrawn";

    @Id
    public UUID id;

    @Column(name = "trainer_id", nullable = false)
    public UUID trainerId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(nullable = false, length = 200)
    public String location;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
