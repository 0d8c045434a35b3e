package com.swanstudios.community.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One user's row in one community: a request (pending), a refusal (rejected) or a membership (active). */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String status;

    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The role this row gives its user in the community: none unless active. */
    public CommunityRole activeRole() {
        return isActive() ? CommunityRole.of(role) : null;
    }
}
