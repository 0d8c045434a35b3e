package com.swanstudios.user.token;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An RSA key pair that signs access tokens: published from creation, signing from {@code activatesAt}. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;
    /** PKCS#8, encrypted under the key-encryption key (KeyEncryption). */
    @Column(name = "private_key", nullable = false)
    public String privateKey;
    /** The public half as a JWK (JSON), exactly as the JWKS publishes it. */
    @Column(name = "public_jwk", nullable = false)
    public String publicJwk;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "activates_at", nullable = false)
    public OffsetDateTime activatesAt;
    /** When a newer key took over; published until then plus the access-token lifetime. */
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
}
