package com.swanstudios.user.mfa;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An account's TOTP secret, sealed; asked for at sign-in once confirmed. */
@Entity
@Table(name = "totp_credential")
public class TotpCredential extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;
    /** Sealed by {@link com.swanstudios.user.token.KeyEncryption} with the account id as associated data. */
    @Column(nullable = false)
    public String secret;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    /** The 30-second step of the last code accepted; only a later step's code is accepted next. */
    @Column(name = "last_used_step", nullable = false)
    public long lastUsedStep;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
