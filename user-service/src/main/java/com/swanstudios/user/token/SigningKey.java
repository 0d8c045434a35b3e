package com.swanstudios.user.token;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An RSA key pair that signs access tokens; the newest unretired one signs. */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    @Id
    public String kid;
    /** PKCS#8, base64. */
    @Column(name = "private_key", nullable = false)
    public String privateKey;
    /** The public half as a JWK (JSON), exactly as the JWKS publishes it. */
    @Column(name = "public_jwk", nullable = false)
    public String publicJwk;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
}
