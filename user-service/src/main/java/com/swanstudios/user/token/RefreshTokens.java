package com.swanstudios.user.token;

import com.swanstudios.platform.kit.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opaque refresh tokens: 256 random bits, stored only as SHA-256, rotated on every use. Presenting a token
 * that was already used (or revoked) means it leaked: the whole family is revoked, so neither the thief
 * nor the victim can go on with it. Callers run these inside their transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The outcome of presenting a refresh token. {@code userId} is set only for a valid one. */
    public record Rotation(UUID userId, String newToken) {
        public boolean valid() {
            return userId != null;
        }
    }

    private final Duration ttl;

    RefreshTokens(@ConfigProperty(name = "swan.auth.refresh-token-ttl") Duration ttl) {
        this.ttl = ttl;
    }

    /** A new token in a new family (a login), or in an existing family (a rotation). */
    public Uni<String> issue(UUID userId, UUID familyId) {
        String token = newToken();
        RefreshToken row = new RefreshToken();
        row.id = Ids.newId();
        row.familyId = familyId == null ? Ids.newId() : familyId;
        row.userId = userId;
        row.tokenHash = hash(token);
        row.createdAt = now();
        row.expiresAt = row.createdAt.plus(ttl);
        return row.persist().replaceWith(token);
    }

    /** Uses up the token and issues its successor; reuse revokes the family. Locks the row against a racing use. */
    public Uni<Rotation> rotate(String token) {
        return RefreshToken.<RefreshToken>find("tokenHash", hash(token)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().item(new Rotation(null, null));
                    }
                    if (row.usedAt != null || row.revokedAt != null) {
                        LOG.warnf("Refresh token reuse in family %s of user %s: revoking the family", row.familyId, row.userId);
                        return revokeFamily(row.familyId).replaceWith(new Rotation(null, null));
                    }
                    if (row.expiresAt.isBefore(now())) {
                        return Uni.createFrom().item(new Rotation(null, null));
                    }
                    row.usedAt = now();
                    return issue(row.userId, row.familyId).map(next -> new Rotation(row.userId, next));
                });
    }

    /** Logout: the token's whole family stops working. Unknown tokens change nothing. */
    public Uni<Void> revoke(String token) {
        return RefreshToken.<RefreshToken>find("tokenHash", hash(token)).firstResult()
                .chain(row -> row == null ? Uni.createFrom().voidItem() : revokeFamily(row.familyId));
    }

    public Uni<Void> deleteAllFor(UUID userId) {
        return RefreshToken.delete("userId", userId).replaceWithVoid();
    }

    private Uni<Void> revokeFamily(UUID familyId) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now(), familyId).replaceWithVoid();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
