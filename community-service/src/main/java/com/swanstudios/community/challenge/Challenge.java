package com.swanstudios.community.challenge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A challenge inside a community; its rules are {@link ChallengeRules}, its schema V4__challenges_and_leaderboards.sql. */
@Entity
@Table(name = "challenge")
public class Challenge extends PanacheEntityBase {

    public static final String INDIVIDUAL = "individual";
    public static final String TEAM = "team";
    public static final String GLOBAL = "global";

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

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public long goal;

    @Column(nullable = false)
    public String unit;

    @Column(name = "points_per_unit", nullable = false)
    public int pointsPerUnit;

    @Column(name = "completion_bonus", nullable = false)
    public int completionBonus;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
