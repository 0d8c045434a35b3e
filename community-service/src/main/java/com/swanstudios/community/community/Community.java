package com.swanstudios.community.community;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A community; its rules are {@link CommunityRules}, its schema V3__communities_and_memberships.sql. */
@Entity
@Table(name = "community")
public class Community extends PanacheEntityBase {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    public static final String OPEN = "open";
    public static final String APPROVAL_REQUIRED = "approval_required";
    public static final String INVITE_ONLY = "invite_only";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String privacy;

    @Column(name = "membership_type", nullable = false)
    public String membershipType;

    /** Active members; changed only under this row's lock, in the transaction that changes them. */
    @Column(name = "member_count", nullable = false)
    public int memberCount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
