package com.swanstudios.user.mfa;

import com.swanstudios.platform.kit.outbox.OutboxListener;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.user.account.AccountService;
import com.swanstudios.user.account.Roles;
import com.swanstudios.user.audit.AuditLog;
import com.swanstudios.user.audit.AuditLog.Event;
import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.user.token.KeyEncryption;
import com.swanstudios.user.account.UserAccount;
import com.swanstudios.user.auth.SignInThrottle;
import com.swanstudios.user.recovery.RecoveryService;
import com.swanstudios.user.token.OpaqueTokens;
import com.swanstudios.user.token.RefreshTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The TOTP second factor: enrolment (a secret, then a code to confirm it, then ten recovery codes), the
 * second step of a sign-in (a short-lived challenge redeemed with a code), and turning it off. Required for
 * staff ({@link Roles#isStaff}): a staff account without one gets only a limited token at sign-in and refresh,
 * good for {@value #ENROLMENT_SCOPE} and nothing else. Each verification locks the rows it reads, so a code or a
 * recovery code is accepted once even when sent twice at the same moment.
 */
@ApplicationScoped
public class MfaService {

    /** The scope of the limited token a staff account without a second factor gets. */
    public static final String ENROLMENT_SCOPE = "mfa-enrolment";
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    static final int CHALLENGE_ATTEMPTS = 5;

    public enum Proof { TOTP, RECOVERY_CODE }

    public record Enrolment(String secret, String otpauthUri) {
    }

    /** The outcome of a sign-in's second step: no such open challenge, a wrong code, or a proof. */
    public record Attempt(UUID userId, Proof proof, int attemptsLeft) {

        public boolean knownChallenge() {
            return userId != null;
        }
    }

    private final AccountService accounts;
    private final KeyEncryption encryption;
    private final AuditLog audit;
    private final Pool pool;
    private final OutboxListener listener;
    private final SignInThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final RecoveryService recovery;

    MfaService(AccountService accounts, KeyEncryption encryption, AuditLog audit, Pool pool, OutboxListener listener,
            SignInThrottle throttle, RefreshTokens refreshTokens, RecoveryService recovery) {
        this.recovery = recovery;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.encryption = encryption;
        this.audit = audit;
        this.pool = pool;
        this.listener = listener;
    }

    /** Whether the account signs in with a second factor. */
    public Uni<Boolean> enabled(UUID userId) {
        return Panache.withSession(() -> TotpCredential.count("userId = ?1 and confirmedAt is not null", userId))
                .map(count -> count > 0);
    }

    /** A new secret for an authenticator app; replaces one not yet confirmed. */
    public Uni<Enrolment> begin(UUID userId) {
        return Panache.withTransaction(() -> accounts.active(userId).chain(account -> credential(userId).chain(existing -> {
            if (existing != null && existing.confirmed()) {
                throw new DomainException(409, "mfa-already-enabled", "Conflict",
                        "TOTP is already on for this account; turn it off before enrolling another authenticator");
            }
            byte[] secret = Totp.newSecret();
            return store(existing, userId, secret, false)
                    .map(ignored -> new Enrolment(Totp.toBase32(secret), Totp.uri(account.email, secret)));
        }))).invoke(() -> audit.record(Event.MFA_CHANGE, userId, userId, "totp-enrolment-started"));
    }

    /**
     * The first code from the app turns the factor on; the answer is the ten recovery codes, shown once. The
     * session that confirmed it has passed the second factor (for staff: its next refresh carries the role).
     */
    public Uni<List<String>> confirm(UUID userId, UUID sessionId, String code) {
        return Panache.withTransaction(() -> accounts.active(userId).chain(() -> lockedCredential(userId)).chain(row -> {
            if (row == null || row.confirmed()) {
                throw new DomainException(409, "no-pending-enrolment", "Conflict",
                        "There is no enrolment to confirm; start one with POST /api/users/me/mfa/totp");
            }
            OptionalLong step = Totp.matchingStep(secret(row), code, row.lastUsedStep, Instant.now());
            if (step.isEmpty()) {
                throw DomainException.invalidField("code", "is not the current code of the authenticator being enrolled");
            }
            row.confirmedAt = now();
            row.lastUsedStep = step.getAsLong();
            return replaceRecoveryCodes(userId).call(() -> sessionId == null ? Uni.createFrom().voidItem()
                    : refreshTokens.markSecondFactor(userId, sessionId));
        })).invoke(() -> audit.record(Event.MFA_CHANGE, userId, userId, "totp-enabled"));
    }

    /** Turns the factor off, proven by a code or a recovery code (the password was checked before); staff keep theirs. */
    public Uni<Void> disable(UUID userId, String code, String address) {
        return Panache.withTransaction(() -> accounts.active(userId).chain(account -> {
            if (Roles.isStaff(account.role)) {
                throw new DomainException(409, "mfa-required", "Conflict",
                        "A " + account.role + " account must keep its second factor");
            }
            return lockedCredential(userId).chain(row -> requireProof(row, userId, code, address)).chain(() -> forget(userId));
        })).invoke(() -> audit.record(Event.MFA_CHANGE, userId, userId, "totp-disabled"));
    }

    /**
     * An admin takes a lost authenticator off an account: the factor and its recovery codes go, every session
     * ends and every token is void; a staff account enrols again at its next sign-in.
     */
    public Uni<Void> reset(UUID adminId, UUID userId) {
        return Panache.withTransaction(() -> accounts.active(userId).call(() -> forget(userId)).call(accounts::endEverySession))
                .invoke(() -> audit.record(Event.MFA_CHANGE, adminId, userId, "totp-reset"))
                .replaceWithVoid();
    }

    /**
     * Enrols a confirmed factor with a known secret: for the local stack's admin only, so local tools can compute
     * codes. An account that already has a confirmed factor keeps it; answers whether this enrolled it.
     */
    public Uni<Boolean> enrolKnownSecret(UUID userId, byte[] secret) {
        return Panache.withTransaction(() -> lockedCredential(userId).chain(existing -> {
            if (existing != null && existing.confirmed()) {
                return Uni.createFrom().item(false);
            }
            return store(existing, userId, secret, true).replaceWith(true);
        })).invoke(enrolled -> {
            if (enrolled) {
                audit.record(Event.MFA_CHANGE, null, userId, "totp-enabled-from-configuration");
            }
        });
    }

    /**
     * Where the account has a confirmed factor, a code (or recovery code) must prove it, in the caller's
     * transaction: 403 otherwise. Accounts without one pass.
     */
    public Uni<Void> requireProofIfEnabled(UUID userId, String code, String address) {
        return lockedCredential(userId).chain(row -> row == null || !row.confirmed() ? Uni.createFrom().voidItem()
                : requireProof(row, userId, code, address));
    }

    private Uni<Void> requireProof(TotpCredential row, UUID userId, String code, String address) {
        return prove(row, userId, code, address).invoke(proof -> {
            if (proof.isEmpty()) {
                throw new DomainException(403, "reauthentication-failed", "Forbidden",
                        "The code is wrong or already used, or TOTP is not on for this account");
            }
        }).replaceWithVoid();
    }

    /**
     * Checks a code (6 digits: TOTP) or a recovery code and spends it, in the caller's transaction, which holds
     * the account's credential row locked ({@link #lockedCredential}; null when there is none), so its attempts queue: the wrong-code counts each one reads
     * ({@link SignInThrottle#checkCode}, 429 when too many) include every attempt before it, and a wrong code is
     * counted before the next one is read. Empty when the code is wrong, used, or there is no confirmed factor.
     */
    private Uni<Optional<Proof>> prove(TotpCredential row, UUID userId, String code, String address) {
        boolean recoveryCode = !Totp.looksLikeCode(code);
        return throttle.checkCode(userId, address, recoveryCode)
                .chain(failures -> verify(row, userId, code).call(proof -> proof.isPresent()
                        ? throttle.codeSucceeded(userId, address)
                        : throttle.codeFailed(userId, address).chain(() -> throttle.closesToCodes(failures)
                                ? warnOwner(userId) : Uni.createFrom().voidItem())));
    }

    /** The owner hears of it once per closing (the count restarts as the hour's failures expire). */
    private Uni<Void> warnOwner(UUID userId) {
        return UserAccount.<UserAccount>findById(userId).chain(account -> account == null || account.email == null
                ? Uni.createFrom().voidItem()
                : recovery.warnOfCodeGuessing(account).invoke(() -> audit.record(Event.SIGN_IN_THROTTLED, null, userId,
                        "codes-closed-owner-warned")));
    }

    private Uni<Optional<Proof>> verify(TotpCredential row, UUID userId, String code) {
        if (row == null || !row.confirmed() || code == null || code.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        if (Totp.looksLikeCode(code)) {
            OptionalLong step = Totp.matchingStep(secret(row), code.strip(), row.lastUsedStep, Instant.now());
            step.ifPresent(s -> row.lastUsedStep = s);
            return Uni.createFrom().item(step.isPresent() ? Optional.of(Proof.TOTP) : Optional.empty());
        }
        return RecoveryCode.<RecoveryCode>find("userId = ?1 and usedAt is null", userId).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(codes -> codes.stream().filter(c -> RecoveryCodes.matches(c.salt, c.codeHash, code)).findFirst().map(c -> {
                    c.usedAt = now();
                    return Proof.RECOVERY_CODE;
                }));
    }

    /** The first step of a sign-in succeeded: a token to finish it with a code, valid a few minutes and a few tries. */
    public Uni<String> challenge(UUID userId) {
        String token = OpaqueTokens.newToken();
        MfaChallenge row = new MfaChallenge();
        row.tokenHash = OpaqueTokens.hash(token);
        row.userId = userId;
        row.createdAt = now();
        row.expiresAt = row.createdAt.plus(CHALLENGE_TTL);
        return Panache.withTransaction(row::persist).replaceWith(token);
    }

    /** The second step: one try of a code against an open challenge; a wrong code still counts (committed). */
    public Uni<Attempt> attempt(String token, String code, String address) {
        return Panache.withTransaction(() -> MfaChallenge.<MfaChallenge>findById(OpaqueTokens.hash(token), LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> {
                    if (row == null || !row.open(CHALLENGE_ATTEMPTS)) {
                        return Uni.createFrom().item(new Attempt(null, null, 0));
                    }
                    row.attempts++;
                    return lockedCredential(row.userId)
                            .chain(credential -> prove(credential, row.userId, code, address))
                            .map(proof -> {
                                proof.ifPresent(p -> row.usedAt = now());
                                return new Attempt(row.userId, proof.orElse(null), CHALLENGE_ATTEMPTS - row.attempts);
                            });
                }));
    }

    /** Sign-ins halfway end: when every session ends (a password change or reset, sign-out everywhere). */
    public static Uni<Void> endChallenges(UUID userId) {
        return MfaChallenge.delete("userId", userId).replaceWithVoid();
    }

    /** Everything of the second factor goes: on erasure, on turning it off, on an admin's reset. */
    public static Uni<Void> forget(UUID userId) {
        return TotpCredential.delete("userId", userId)
                .chain(() -> RecoveryCode.delete("userId", userId))
                .chain(() -> endChallenges(userId));
    }

    @Scheduled(every = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeChallenges() {
        if (!listener.housekeeper()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("delete from mfa_challenge where expires_at < now() - interval '1 hour'").execute()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<List<String>> replaceRecoveryCodes(UUID userId) {
        List<String> codes = RecoveryCodes.generate();
        return RecoveryCode.delete("userId", userId).chain(() -> {
            List<RecoveryCode> rows = codes.stream().map(code -> {
                RecoveryCode row = new RecoveryCode();
                row.id = Ids.newId();
                row.userId = userId;
                row.salt = RecoveryCodes.newSalt();
                row.codeHash = RecoveryCodes.hash(row.salt, code);
                return row;
            }).toList();
            return RecoveryCode.persist(rows);
        }).replaceWith(codes);
    }

    /** Seals a secret into the account's credential row (a new one, or the unconfirmed one there). */
    private Uni<TotpCredential> store(TotpCredential existing, UUID userId, byte[] secret, boolean confirmed) {
        TotpCredential row = existing == null ? new TotpCredential() : existing;
        row.userId = userId;
        row.secret = encryption.encrypt(associatedData(userId), secret);
        row.lastUsedStep = 0;
        row.createdAt = now();
        row.confirmedAt = confirmed ? row.createdAt : null;
        return existing == null ? row.persist() : Uni.createFrom().item(row);
    }

    private static Uni<TotpCredential> credential(UUID userId) {
        return TotpCredential.findById(userId);
    }

    private static Uni<TotpCredential> lockedCredential(UUID userId) {
        return TotpCredential.findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    private byte[] secret(TotpCredential row) {
        return encryption.decrypt(associatedData(row.userId), row.secret);
    }

    /** Binds a sealed secret to its account: a row copied onto another account does not decrypt. */
    private static String associatedData(UUID userId) {
        return "totp:" + userId;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
