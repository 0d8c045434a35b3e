package com.swanstudios.user.token;

import com.swanstudios.user.account.UserAccount;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Short-lived RS256 access tokens: {@code iss}, {@code sub} = user id, {@code groups} = role, {@code jti}. */
@ApplicationScoped
public class AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;

    AccessTokens(SigningKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "swan.auth.access-token-ttl") Duration ttl) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
    }

    public String issue(UserAccount account) {
        SigningKeys.ActiveKey key = keys.active();
        Instant now = Instant.now();
        return Jwt.issuer(issuer)
                .subject(account.id.toString())
                .upn(account.id.toString())
                .groups(Set.of(account.role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws().keyId(key.kid())
                .sign(key.privateKey());
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }
}
