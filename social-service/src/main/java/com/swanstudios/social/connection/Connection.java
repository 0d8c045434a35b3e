package com.swanstudios.social.connection;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A connection between two users; its rules are {@link ConnectionRules}, its schema V4__connections.sql. */
@Entity
@Table(name = "connection")
public class Connection extends PanacheEntityBase {

    public static final String FOLLOW = "follow";
    public static final String FRIEND = "friend";
    public static final String TRAINER_CLIENT = "trainer_client";
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String BLOCKED = "blocked";

    @Id
    public UUID id;

    @Column(name = "requester_id", nullable = false)
    public UUID requesterId;

    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    @Column(name = "blocked_by")
    public UUID blockedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    boolean involves(UUID user) {
        return requesterId.equals(user) || targetId.equals(user);
    }

    UUID other(UUID user) {
        return requesterId.equals(user) ? targetId : requesterId;
    }
}
