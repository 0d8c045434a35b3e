package com.swanstudios.user.token;

import com.swanstudios.platform.kit.security.AccessTokenClaims;
import com.swanstudios.user.account.UserAccount;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived RS256 access tokens, typed {@code at+jwt}: {@code iss}, {@code aud}, {@code sub} = user id,
 * {@code groups} = role, {@code jti}, {@code sid} = session, {@code iat}, {@code exp}.
 */
@ApplicationScoped
public class AccessTokens {

    /** The session (refresh-token family) a token was issued in. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    AccessTokens(SigningKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
            @ConfigProperty(name = "swan.auth.access-token-ttl") Duration ttl,
            @ConfigProperty(name = "swan.security.revocation-window") Duration revocationWindow,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds) {
        if (ttl.plusSeconds(clockSkewSeconds).compareTo(revocationWindow) > 0) {
            // a revocation would be forgotten while tokens it voided are still accepted
            throw new IllegalStateException("ACCESS_TOKEN_TTL (" + ttl + ") plus the clock skew must not exceed "
                    + "TOKEN_REVOCATION_WINDOW (" + revocationWindow + ")");
        }
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    /** @param sessionId the refresh-token family the token is issued in ({@code sid}), so a session can be told apart */
    public String issue(UserAccount account, UUID sessionId) {
        return sign(account, sessionId, Set.of(account.role), null);
    }

    /**
     * A token good for one step only ({@link AccessTokenClaims#SCOPE}): it holds no role, and every service refuses
     * it except on the operations that accept the scope.
     */
    public String issueLimited(UserAccount account, UUID sessionId, String scope) {
        return sign(account, sessionId, Set.of(scope), scope);
    }

    private String sign(UserAccount account, UUID sessionId, Set<String> groups, String scope) {
        SigningKeys.ActiveKey key = keys.active();
        Instant now = issuedAt(account);
        var claims = Jwt.issuer(issuer)
                .audience(audience)
                .subject(account.id.toString())
                .upn(account.id.toString())
                .groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
        if (scope != null) {
            claims.claim(AccessTokenClaims.SCOPE, scope);
        }
        return claims.jws().keyId(key.kid()).header("typ", AccessTokenClaims.TYPE).sign(key.privateKey());
    }

    /**
     * Now, or the account's tokensValidAfter when that is still ahead (it is rounded up to the next second,
     * and iat has whole seconds): a token issued just after a revocation must not look older than it.
     */
    private static Instant issuedAt(UserAccount account) {
        Instant now = Instant.now();
        if (account.tokensValidAfter != null && account.tokensValidAfter.toInstant().isAfter(now)) {
            return account.tokensValidAfter.toInstant();
        }
        return now;
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }
}
