package com.swanstudios.user.mfa;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One single-use recovery code, known only by its salted hash ({@link RecoveryCodes}). */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "user_id", nullable = false)
    public UUID userId;
    @Column(nullable = false)
    public String salt;
    @Column(name = "code_hash", nullable = false)
    public String codeHash;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
