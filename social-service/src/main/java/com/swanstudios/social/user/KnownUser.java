package com.swanstudios.social.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as social-service knows them: the last state identity.user.v1 announced, read-only here. */
@Entity
@Table(name = "known_user")
public class KnownUser extends PanacheEntityBase {

    public static final String ACTIVE = "active";

    @Id
    public UUID id;

    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String status;

    @Column(name = "profile_visibility", nullable = false)
    public String profileVisibility;

    @Column(nullable = false)
    public boolean discoverable;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(nullable = false)
    public long version;

    /** When this service applied the state (the figure the event-latency benchmark reads). */
    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
