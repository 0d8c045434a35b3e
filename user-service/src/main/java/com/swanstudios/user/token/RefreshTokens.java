package com.swanstudios.user.token;

import com.swanstudios.platform.kit.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opaque refresh tokens: 256 random bits, stored only as SHA-256, rotated on every use. The tokens rotated
 * from one sign-in are a family, which is what a person sees as a session; it ends after
 * {@code swan.auth.session-max-lifetime} from the sign-in and after {@code swan.auth.session-idle-timeout}
 * without a refresh. Presenting a token that was already used (or revoked) means it leaked: the whole family
 * is revoked, so neither the thief nor the victim can go on with it. Callers run these inside their
 * transaction; every change to a family first locks the presented token's row, so a refresh and a logout
 * of the same session queue up instead of racing.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final int USER_AGENT_MAX = 200;

    /** A token as handed to the client, with the session (family) it belongs to and whether it passed a second factor. */
    public record Issued(String token, UUID sessionId, boolean secondFactor) {
    }

    /**
     * The outcome of presenting a refresh token: {@code successor} is set only for a valid one;
     * {@code reused} when it was a spent or revoked one (the family is revoked now).
     */
    public record Rotation(UUID userId, Issued successor, boolean reused) {
        public boolean valid() {
            return successor != null;
        }
    }

    /** One live session of a user. */
    public record LiveSession(UUID id, OffsetDateTime startedAt, OffsetDateTime lastRefreshedAt, OffsetDateTime expiresAt,
            String userAgent) {
    }

    private final Duration idleTimeout;
    private final Duration maxLifetime;

    RefreshTokens(@ConfigProperty(name = "swan.auth.session-idle-timeout") Duration idleTimeout,
            @ConfigProperty(name = "swan.auth.session-max-lifetime") Duration maxLifetime) {
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
    }

    /** The first token of a new session (a sign-in); {@code secondFactor} when it was completed with a code. */
    public Uni<Issued> start(UUID userId, String userAgent, boolean secondFactor) {
        OffsetDateTime now = now();
        return persist(userId, Ids.newId(), now, userAgent == null ? null : truncate(userAgent), secondFactor ? now : null);
    }

    /** The session just proved a second factor (it confirmed an enrolment): its tokens carry that from now on. */
    public Uni<Void> markSecondFactor(UUID userId, UUID sessionId) {
        return RefreshToken.update("secondFactorAt = ?1 where familyId = ?2 and userId = ?3 and secondFactorAt is null",
                now(), sessionId, userId).replaceWithVoid();
    }

    /** Whether the user's session passed a second factor. */
    public Uni<Boolean> passedSecondFactor(UUID userId, UUID sessionId) {
        return RefreshToken.count("familyId = ?1 and userId = ?2 and secondFactorAt is not null", sessionId, userId)
                .map(count -> count > 0);
    }

    /** Uses up the token and issues its successor; reuse revokes the family. Locks the row against a racing use. */
    public Uni<Rotation> rotate(String token) {
        return locked(token).chain(row -> {
            if (row == null) {
                return Uni.createFrom().item(new Rotation(null, null, false));
            }
            if (row.usedAt != null || row.revokedAt != null) {
                LOG.warnf("Refresh token reuse in family %s of user %s: revoking the family", row.familyId, row.userId);
                return revokeFamily(row.familyId).replaceWith(new Rotation(row.userId, null, true));
            }
            if (!row.expiresAt.isAfter(now())) {
                return Uni.createFrom().item(new Rotation(row.userId, null, false));
            }
            row.usedAt = now();
            // flushed before the successor is inserted: at most one live token per family (a unique index)
            return row.flush()
                    .chain(() -> persist(row.userId, row.familyId, row.sessionStartedAt, row.userAgent, row.secondFactorAt))
                    .map(next -> new Rotation(row.userId, next, false));
        });
    }

    /**
     * Logout: the token's whole family stops working; the user it belonged to, or null for an unknown token.
     * Waits for a refresh of the same token in flight, then revokes what that refresh issued too.
     */
    public Uni<UUID> revoke(String token) {
        return locked(token).chain(row -> row == null ? Uni.createFrom().nullItem()
                : revokeFamily(row.familyId).replaceWith(row.userId));
    }

    /** Ends one of the user's sessions; false when they have no such live session. */
    public Uni<Boolean> revokeSession(UUID userId, UUID sessionId) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and userId = ?3 and revokedAt is null",
                now(), sessionId, userId).map(count -> count > 0);
    }

    /** Sign out everywhere: every session of the user ends. */
    public Uni<Void> revokeAll(UUID userId) {
        return RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now(), userId).replaceWithVoid();
    }

    /** The user's sessions that can still be refreshed, the most recently used first. */
    public Uni<List<LiveSession>> live(UUID userId) {
        return RefreshToken.<RefreshToken>find(
                        "userId = ?1 and usedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc",
                        userId, now())
                .list()
                .map(rows -> rows.stream()
                        .map(r -> new LiveSession(r.familyId, r.sessionStartedAt, r.createdAt, r.expiresAt, r.userAgent))
                        .toList());
    }

    public Uni<Void> deleteAllFor(UUID userId) {
        return RefreshToken.delete("userId", userId).replaceWithVoid();
    }

    private Uni<RefreshToken> locked(String token) {
        return RefreshToken.<RefreshToken>find("tokenHash", OpaqueTokens.hash(token)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private Uni<Issued> persist(UUID userId, UUID familyId, OffsetDateTime sessionStartedAt, String userAgent,
            OffsetDateTime secondFactorAt) {
        String token = OpaqueTokens.newToken();
        RefreshToken row = new RefreshToken();
        row.id = Ids.newId();
        row.familyId = familyId;
        row.userId = userId;
        row.tokenHash = OpaqueTokens.hash(token);
        row.createdAt = now();
        row.sessionStartedAt = sessionStartedAt;
        OffsetDateTime idleEnd = row.createdAt.plus(idleTimeout);
        OffsetDateTime absoluteEnd = sessionStartedAt.plus(maxLifetime);
        row.expiresAt = idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
        row.userAgent = userAgent;
        row.secondFactorAt = secondFactorAt;
        return row.persist().replaceWith(new Issued(token, familyId, secondFactorAt != null));
    }

    private Uni<Void> revokeFamily(UUID familyId) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now(), familyId).replaceWithVoid();
    }

    private static String truncate(String userAgent) {
        String clean = userAgent.replaceAll("\\p{Cntrl}", " ").replace('\u0000', ' ');
        return clean.length() <= USER_AGENT_MAX ? clean : clean.substring(0, USER_AGENT_MAX);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
