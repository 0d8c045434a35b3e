package com.swanstudios.community.event;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An event a community hosts; its rules are {@link EventRules}, its schema V6__events_and_attendance.sql. */
@Entity
@Table(name = "community_event")
public class CommunityEvent extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    /** Null once the creator's account was deleted. */
    @Column(name = "created_by")
    public UUID createdBy;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String place;

    public String link;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public String status;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
