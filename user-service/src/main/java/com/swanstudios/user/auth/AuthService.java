package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.TooManyRequestsException;
import com.swanstudios.user.account.AccountService;
import com.swanstudios.user.account.AccountViews;
import com.swanstudios.user.account.RegistrationRequest;
import com.swanstudios.user.account.Roles;
import com.swanstudios.user.account.UserAccount;
import com.swanstudios.user.audit.AuditLog;
import com.swanstudios.user.audit.AuditLog.Event;
import com.swanstudios.user.mfa.MfaService;
import com.swanstudios.user.recovery.RecoveryService;
import com.swanstudios.user.token.AccessTokens;
import com.swanstudios.user.token.RefreshTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-up, sign-in, token refresh and sign-out, and the sessions a user holds. Password work happens outside
 * any transaction (it is slow and runs on a worker thread); each database step is its own short transaction.
 */
@ApplicationScoped
public class AuthService {

    private final AccountService accounts;
    private final PasswordHasher passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final PasswordRules rules;
    private final RecoveryService recovery;
    private final SignInThrottle throttle;
    private final MfaService mfa;

    public AuthService(AccountService accounts, PasswordHasher passwords, AccessTokens accessTokens,
            RefreshTokens refreshTokens, AuditLog audit, PasswordRules rules, RecoveryService recovery,
            SignInThrottle throttle, MfaService mfa) {
        this.mfa = mfa;
        this.throttle = throttle;
        this.rules = rules;
        this.recovery = recovery;
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
    }

    public Uni<Session> register(RegistrationRequest request, String userAgent) {
        return register(request, Roles.USER, userAgent);
    }

    public Uni<Session> register(RegistrationRequest request, String role, String userAgent) {
        try {
            rules.check("password", request.password());
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        // the first admin's address is the operator's; everyone else proves theirs with the mailed link
        boolean addressProven = Roles.ADMIN.equals(role);
        return passwords.hash(request.password())
                .chain(hash -> Panache.withTransaction(() -> accounts.register(request, hash, role, addressProven)
                        .call(account -> addressProven ? Uni.createFrom().voidItem() : recovery.sendVerification(account))))
                .invoke(account -> audit.record(Event.REGISTRATION, account.id, account.id, "created"))
                .chain(account -> startSession(account, userAgent));
    }

    /**
     * The same 401 for an unknown email and a wrong password, after the same amount of work. A suspended
     * account is told so, but only once its password was right. With a second factor, the right password
     * answers a challenge to finish with a code ({@link #loginWithCode}); until then this address's failures for
     * the account are not forgiven, so the password step cannot be used to reset the code step's count.
     */
    public Uni<Session> login(String email, String password, String address, String userAgent) {
        return throttle.check(email, address)
                .onFailure(TooManyRequestsException.class).invoke(() -> audit.record(Event.SIGN_IN_THROTTLED, null, null,
                        "refused", Map.of("address", SignInThrottle.addressKey(address))))
                .chain(allowance -> Panache.withSession(() -> UserAccount.findByEmail(email))
                        .chain(account -> passwords.matches(password, account == null ? null : account.passwordHash)
                                .call(matched -> matched ? Uni.createFrom().voidItem() : throttle.failed(email, address))
                                .map(matched -> passwordAccepted(account, matched)))
                        .call(account -> upgradeHashIfOutdated(account, password))
                        .chain(account -> mfa.enabled(account.id).chain(secondFactor -> secondFactor
                                ? oweSecondFactor(account)
                                : requireLinkIfAsked(account, allowance)
                                        .chain(() -> throttle.succeeded(email, address))
                                        .chain(() -> startSession(account, userAgent))
                                        .invoke(session -> audit.record(Event.SIGN_IN, account.id, account.id, "success")))));
    }

    private UserAccount passwordAccepted(UserAccount account, boolean matched) {
        if (!matched || UserAccount.DELETED.equals(account.status)) {
            audit.record(Event.SIGN_IN_FAILED, null, account == null ? null : account.id, "bad-credentials");
            throw badCredentials();
        }
        if (UserAccount.SUSPENDED.equals(account.status)) {
            audit.record(Event.SIGN_IN_FAILED, account.id, account.id, "suspended");
            throw new DomainException(403, "account-suspended", "Forbidden", "This account is suspended; contact support");
        }
        return account;
    }

    /** The first factor was right: a challenge to finish with a code. */
    private Uni<Session> oweSecondFactor(UserAccount account) {
        return mfa.challenge(account.id)
                .invoke(() -> audit.record(Event.SIGN_IN, account.id, account.id, "second-factor-owed"))
                .map(token -> Session.secondFactorOwed(token, MfaService.CHALLENGE_TTL.toSeconds()));
    }

    /**
     * The second step: the challenge from the password step and a code from the authenticator, or a recovery
     * code. Wrong codes are counted per account and per address ({@link SignInThrottle#checkCode}), apart from
     * wrong passwords, so a password guesser cannot block the owner's code. The session it opens has passed
     * the second factor.
     */
    public Uni<Session> loginWithCode(String mfaToken, String code, String address, String userAgent) {
        return mfa.attempt(mfaToken, code, address)
                .onFailure(TooManyRequestsException.class).invoke(() -> audit.record(Event.SIGN_IN_THROTTLED, null, null,
                        "code-refused", Map.of("address", SignInThrottle.addressKey(address))))
                .chain(attempt -> {
                    if (!attempt.knownChallenge()) {
                        throw invalidChallenge();
                    }
                    UUID userId = attempt.userId();
                    if (attempt.proof() == null) {
                        audit.record(Event.SIGN_IN_FAILED, null, userId, "bad-code");
                        throw new DomainException(401, "invalid-code", "Unauthorized", "The code is wrong or was "
                                + "already used; " + attempt.attemptsLeft() + " tries left with this mfaToken");
                    }
                    String how = attempt.proof() == MfaService.Proof.TOTP ? "totp" : "recovery-code";
                    return Panache.withSession(() -> accounts.active(userId))
                            .onFailure(DomainException.class).transform(gone -> invalidChallenge())
                            .call(account -> throttle.succeeded(account.email, address))
                            .chain(account -> startSession(account, userAgent, true))
                            .invoke(session -> audit.record(Event.SIGN_IN, userId, userId, how));
                });
    }

    private static DomainException invalidChallenge() {
        return new DomainException(401, "invalid-mfa-token", "Unauthorized",
                "The mfaToken is unknown, expired, used or out of tries; sign in again with your password");
    }

    /** An account under attack opens with its password only together with a mailed link: mail it, and no session. */
    private Uni<Void> requireLinkIfAsked(UserAccount account, SignInThrottle.Allowance allowance) {
        if (allowance != SignInThrottle.Allowance.PASSWORD_AND_PROOF) {
            return Uni.createFrom().voidItem();
        }
        return recovery.sendSignInLink(account).invoke(() -> {
            audit.record(Event.SIGN_IN_THROTTLED, account.id, account.id, "link-mailed");
            throw new DomainException(401, "sign-in-link-sent", "Unauthorized",
                    "After many failed sign-ins on this account, a password alone no longer opens it: "
                            + "we mailed a one-time sign-in link to its address");
        });
    }

    /** The second way in: a sign-in link mailed when the password alone was not enough (a code is still owed if on). */
    public Uni<Session> loginWithLink(String token, String userAgent) {
        return recovery.redeemSignInLink(token)
                .chain(account -> mfa.enabled(account.id).chain(secondFactor -> secondFactor ? oweSecondFactor(account)
                        : startSession(account, userAgent)
                                .invoke(session -> audit.record(Event.SIGN_IN, account.id, account.id, "link"))));
    }

    /**
     * Changes the password after checking the current one; every other session ends and every access token
     * issued before is void, and the caller gets a fresh session here.
     */
    public Uni<Session> changePassword(UUID userId, UUID sessionId, String currentPassword, String newPassword, String userAgent) {
        try {
            rules.check("newPassword", newPassword);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return reauthenticate(userId, currentPassword)
                .chain(() -> passwords.hash(newPassword))
                .chain(hash -> Panache.withTransaction(() -> accounts.active(userId).call(account -> {
                    account.passwordHash = hash;
                    return accounts.endEverySession(account);
                })))
                .invoke(account -> audit.record(Event.PASSWORD_CHANGE, userId, userId, "changed"))
                // the fresh session has passed the second factor if the one that asked had
                .chain(account -> (sessionId == null ? Uni.createFrom().item(false)
                        : Panache.withSession(() -> refreshTokens.passedSecondFactor(userId, sessionId)))
                        .chain(passed -> startSession(account, userAgent, passed)));
    }

    /** A hash made by bcrypt, or with weaker Argon2 settings, is replaced while the password is at hand. */
    private Uni<Void> upgradeHashIfOutdated(UserAccount account, String password) {
        if (!passwords.outdated(account.passwordHash)) {
            return Uni.createFrom().voidItem();
        }
        String outdated = account.passwordHash;
        return passwords.hash(password)
                .chain(hash -> Panache.withTransaction(() -> UserAccount.update(
                        "passwordHash = ?1 where id = ?2 and passwordHash = ?3", hash, account.id, outdated)))
                .replaceWithVoid();
    }

    public Uni<Session> refresh(String refreshToken) {
        return Panache.withTransaction(() -> refreshTokens.rotate(refreshToken))
                .chain(rotation -> {
                    if (rotation.reused()) {
                        audit.record(Event.REFRESH_TOKEN_REUSE, null, rotation.userId(), "family-revoked");
                    }
                    if (!rotation.valid()) {
                        throw new DomainException(401, "invalid-refresh-token", "Unauthorized",
                                "The refresh token is unknown, expired, revoked or already used; sign in again");
                    }
                    return accounts.active(rotation.userId()).chain(account -> session(account, rotation.successor()))
                            .onFailure(SecondFactorRequired.class).call(() -> Panache.withTransaction(
                                    () -> refreshTokens.revokeSession(rotation.userId(), rotation.successor().sessionId())));
                });
    }

    public Uni<Void> logout(String refreshToken) {
        return Panache.withTransaction(() -> refreshTokens.revoke(refreshToken))
                .invoke(user -> {
                    if (user != null) {
                        audit.record(Event.SIGN_OUT, user, user, "session-ended");
                    }
                })
                .replaceWithVoid();
    }

    public Uni<List<RefreshTokens.LiveSession>> sessions(UUID userId) {
        return Panache.withSession(() -> refreshTokens.live(userId));
    }

    public Uni<Void> endSession(UUID userId, UUID sessionId) {
        return Panache.withTransaction(() -> refreshTokens.revokeSession(userId, sessionId)).invoke(ended -> {
            if (!ended) {
                throw DomainException.notFound("Session " + sessionId);
            }
            audit.record(Event.SIGN_OUT, userId, userId, "session-ended");
        }).replaceWithVoid();
    }

    /** Sign out everywhere: every session ends and every access token is void at every service. */
    public Uni<Void> endAllSessions(UUID userId) {
        return Panache.withTransaction(() -> accounts.active(userId).call(accounts::endEverySession))
                .invoke(() -> audit.record(Event.SIGN_OUT_EVERYWHERE, userId, userId, "all-sessions-ended"))
                .replaceWithVoid();
    }

    /** The caller proves again that they know the password, before something that cannot be undone. */
    public Uni<UserAccount> reauthenticate(UUID userId, String password) {
        return accounts.active(userId).chain(account -> passwords.matches(password, account.passwordHash).map(matched -> {
            if (!matched) {
                throw new DomainException(403, "reauthentication-failed", "Forbidden", "The password is wrong");
            }
            return account;
        }));
    }

    /**
     * Erasure, proven by the password and, where a second factor is on, a code: the code is checked in the
     * erasure's transaction, so an erasure refused (the last admin) does not spend it.
     */
    public Uni<Void> erase(UUID userId, String password, String code, String address) {
        return reauthenticate(userId, password).chain(() -> Panache.withTransaction(
                () -> mfa.requireProofIfEnabled(userId, code, address).chain(() -> accounts.erase(userId))));
    }

    private Uni<Session> startSession(UserAccount account, String userAgent) {
        return startSession(account, userAgent, false);
    }

    private Uni<Session> startSession(UserAccount account, String userAgent, boolean secondFactor) {
        return Panache.withTransaction(() -> refreshTokens.start(account.id, userAgent, secondFactor))
                .chain(issued -> session(account, issued));
    }

    /**
     * The tokens of a session: with the account's role; for staff without a second factor, limited to enrolling
     * one (the role takes effect at the first refresh after enrolment); for staff with one, only on a session
     * that passed it (a session opened with the password alone, before enrolment or promotion, never gets the
     * role: 401 {@code second-factor-required}, sign in again).
     */
    private Uni<Session> session(UserAccount account, RefreshTokens.Issued issued) {
        Uni<Boolean> secondFactorOn = Roles.isStaff(account.role) ? mfa.enabled(account.id) : Uni.createFrom().item(false);
        AccountViews.Me me = AccountViews.Me.of(account);
        return secondFactorOn.map(on -> {
            if (Roles.isStaff(account.role) && !on) {
                return Session.enrolmentOnly(me, accessTokens.issueLimited(account, issued.sessionId(), MfaService.ENROLMENT_SCOPE),
                        issued.token(), accessTokens.ttlSeconds());
            }
            if (Roles.isStaff(account.role) && !issued.secondFactor()) {
                throw new SecondFactorRequired();
            }
            return Session.of(me, accessTokens.issue(account, issued.sessionId()), issued.token(), accessTokens.ttlSeconds());
        });
    }

    /** A session without the second factor its staff account needs: refused, and ended. */
    private static final class SecondFactorRequired extends DomainException {
        SecondFactorRequired() {
            super(401, "second-factor-required", "Unauthorized",
                    "This session was opened without the second factor this account now needs; sign in again with a code");
        }
    }

    private static DomainException badCredentials() {
        return new DomainException(401, "bad-credentials", "Unauthorized", "Email or password is wrong");
    }
}
