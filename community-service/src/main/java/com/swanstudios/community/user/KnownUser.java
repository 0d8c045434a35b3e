package com.swanstudios.community.user;

import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as community-service knows them: the last state identity.user.v1 announced, read-only here. */
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

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(nullable = false)
    public long version;

    /** When this service applied the state (the figure the event-latency benchmark reads). */
    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;

    /** The caller acting: known here and active; 409 while their state has not arrived yet, 403 if not active. */
    public static void requireActive(KnownUser user, UUID id) {
        if (user == null) {
            throw new DomainException(409, "account-unknown", "Conflict", "Your account (" + id + ") is not known to "
                    + "community-service yet: its state arrives from user-service within seconds, so try again shortly");
        }
        if (!ACTIVE.equals(user.status)) {
            throw new DomainException(403, "account-inactive", "Forbidden", "A " + user.status + " account cannot do this");
        }
    }

    /** What publishing for others to see needs (DOMAIN.md, Users): an active account with a verified email. */
    public static void requireMayPublish(KnownUser user, UUID id) {
        requireActive(user, id);
        if (!user.emailVerified) {
            throw new DomainException(403, "email-unverified", "Forbidden",
                    "Verify your email address first (POST /api/auth/verify-email)");
        }
    }
}
