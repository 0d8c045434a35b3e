package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.user.account.AccountService;
import com.swanstudios.user.account.AccountViews;
import com.swanstudios.user.account.RegistrationRequest;
import com.swanstudios.user.account.Roles;
import com.swanstudios.user.account.UserAccount;
import com.swanstudios.user.token.AccessTokens;
import com.swanstudios.user.token.RefreshTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * Sign-up, sign-in, token refresh and sign-out. Password work happens outside any transaction (it is slow
 * and runs on a worker thread); each database step is its own short transaction.
 */
@ApplicationScoped
public class AuthService {

    private final AccountService accounts;
    private final PasswordHasher passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    public AuthService(AccountService accounts, PasswordHasher passwords, AccessTokens accessTokens, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    public Uni<Session> register(RegistrationRequest request) {
        return register(request, Roles.USER);
    }

    public Uni<Session> register(RegistrationRequest request, String role) {
        if (request.password().getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            // bcrypt ignores what follows byte 72: a longer password would only seem stronger
            return Uni.createFrom().failure(DomainException.invalidField("password",
                    "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8 (fewer characters when they are not ASCII)"));
        }
        return passwords.hash(request.password())
                .chain(hash -> accounts.register(request, hash, role))
                .chain(this::startSession);
    }

    /** The same 401 for an unknown email and a wrong password, after the same amount of work. */
    public Uni<Session> login(String email, String password) {
        return Panache.withSession(() -> UserAccount.findByEmail(email))
                .chain(account -> passwords.matches(password, account == null ? null : account.passwordHash)
                        .map(matched -> {
                            if (!matched || !account.active()) {
                                throw badCredentials();
                            }
                            return account;
                        }))
                .chain(this::startSession);
    }

    public Uni<Session> refresh(String refreshToken) {
        return Panache.withTransaction(() -> refreshTokens.rotate(refreshToken))
                .chain(rotation -> {
                    if (!rotation.valid()) {
                        throw new DomainException(401, "invalid-refresh-token", "Unauthorized",
                                "The refresh token is unknown, expired, revoked or already used; sign in again");
                    }
                    return accounts.active(rotation.userId()).map(account -> Session.of(AccountViews.Me.of(account),
                            accessTokens.issue(account), rotation.newToken(), accessTokens.ttlSeconds()));
                });
    }

    public Uni<Void> logout(String refreshToken) {
        return Panache.withTransaction(() -> refreshTokens.revoke(refreshToken));
    }

    private Uni<Session> startSession(UserAccount account) {
        return Panache.withTransaction(() -> refreshTokens.issue(account.id, null))
                .map(refresh -> Session.of(AccountViews.Me.of(account), accessTokens.issue(account), refresh, accessTokens.ttlSeconds()));
    }

    private static DomainException badCredentials() {
        return new DomainException(401, "bad-credentials", "Unauthorized", "Email or password is wrong");
    }
}
