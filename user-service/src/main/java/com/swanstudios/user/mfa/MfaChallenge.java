package com.swanstudios.user.mfa;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A sign-in halfway: the password was right, a code is owed. Known only by the hash of its token. */
@Entity
@Table(name = "mfa_challenge")
public class MfaChallenge extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    boolean open(int maxAttempts) {
        return usedAt == null && attempts < maxAttempts && expiresAt.isAfter(OffsetDateTime.now());
    }
}
