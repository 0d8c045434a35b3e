package com.swanstudios.user.token;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One refresh token, known here only by its hash; tokens rotated from one login share a family. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "family_id", nullable = false)
    public UUID familyId;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    /** When the family's first token was issued (the sign-in): the session's absolute lifetime counts from it. */
    @Column(name = "session_started_at", nullable = false)
    public OffsetDateTime sessionStartedAt;
    @Column(name = "user_agent")
    public String userAgent;
    /** When the session passed the second factor; null when it was opened without one. */
    @Column(name = "second_factor_at")
    public OffsetDateTime secondFactorAt;
}
