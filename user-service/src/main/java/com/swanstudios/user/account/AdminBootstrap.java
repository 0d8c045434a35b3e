package com.swanstudios.user.account;

import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.ProductionGuard;
import com.swanstudios.user.auth.AuthService;
import com.swanstudios.user.mfa.MfaService;
import com.swanstudios.user.mfa.Totp;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no account has that email yet. A value
 * that could not be an account stops the service at start, saying why, rather than leaving it without
 * an admin. Replicas starting together may race: the loser finds the winner's account and carries on. The
 * admin is staff and so signs in with TOTP: it enrols at its first sign-in, or, on the local stack only,
 * is enrolled here with ADMIN_TOTP_SECRET.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthService auth;
    private final Validator validator;
    private final Optional<String> email;
    private final Optional<String> password;
    private final String username;
    private final MfaService mfa;
    private final byte[] totpSecret;

    AdminBootstrap(AuthService auth, Validator validator, MfaService mfa,
            @ConfigProperty(name = "swan.admin.email") Optional<String> email,
            @ConfigProperty(name = "swan.admin.password") Optional<String> password,
            @ConfigProperty(name = "swan.admin.username", defaultValue = "admin") String username,
            @ConfigProperty(name = "swan.admin.totp-secret") Optional<String> totpSecret,
            @ConfigProperty(name = "swan.local-stack", defaultValue = "false") boolean localStack) {
        this.auth = auth;
        this.mfa = mfa;
        String secret = totpSecret.filter(v -> !v.isBlank()).orElse(null);
        if (secret != null && ProductionGuard.refusesLocalDefaults(localStack)) {
            throw new IllegalStateException("Refusing to start: ADMIN_TOTP_SECRET is for the local stack only; "
                    + "a deployment's first admin enrols an authenticator at the first sign-in");
        }
        this.totpSecret = secret == null ? null : Totp.fromBase32(secret);
        if (secret != null && this.totpSecret == null) {
            throw new IllegalStateException("ADMIN_TOTP_SECRET is not a Base32 secret of at least 128 bits");
        }
        this.validator = validator;
        this.email = email.filter(v -> !v.isBlank());
        this.password = password.filter(v -> !v.isBlank());
        this.username = username;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (email.isEmpty() != password.isEmpty()) {
            LOG.warn("Only one of ADMIN_EMAIL and ADMIN_PASSWORD is set; no admin account is bootstrapped");
        }
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        RegistrationRequest request = new RegistrationRequest(email.get(), password.get(), username, "Administrator");
        String invalid = validator.validate(request).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("The bootstrap admin (ADMIN_EMAIL, ADMIN_PASSWORD) is not a valid account: " + invalid);
        }
        VertxContextSupport.subscribeAndAwait(() -> ensureAccount(request).chain(this::enrolKnownSecret));
    }

    /** With ADMIN_TOTP_SECRET (the local stack), the admin signs in with codes from that secret. */
    private Uni<Void> enrolKnownSecret(UserAccount admin) {
        if (totpSecret == null || admin == null || !Roles.ADMIN.equals(admin.role)) {
            return Uni.createFrom().voidItem();
        }
        return mfa.enrolKnownSecret(admin.id, totpSecret).invoke(enrolled -> {
            if (enrolled) {
                LOG.infof("Enrolled the admin %s in TOTP with ADMIN_TOTP_SECRET", email.get());
            }
        }).replaceWithVoid();
    }

    private Uni<UserAccount> ensureAccount(RegistrationRequest request) {
        return existing().chain(account -> {
            if (account != null) {
                if (!Roles.ADMIN.equals(account.role)) {
                    LOG.warnf("The bootstrap admin %s exists with role %s; left as it is", email.get(), account.role);
                }
                return Uni.createFrom().item(account);
            }
            return auth.register(request, Roles.ADMIN, "admin-bootstrap")
                    .invoke(session -> LOG.infof("Created the first admin account %s", email.get()))
                    .chain(session -> existing())
                    .onFailure(AdminBootstrap::isConflict).recoverWithUni(conflict -> existing()
                            .invoke(raced -> {
                                if (raced == null) {
                                    throw new IllegalStateException("Cannot bootstrap the admin " + email.get() + ": "
                                            + conflict.getMessage() + " (set swan.admin.username to a free one)", conflict);
                                }
                            }));
        });
    }

    /** Found taken by this service's own check, or by the unique index when another replica got there first. */
    private static boolean isConflict(Throwable e) {
        return e instanceof DomainException d && d.status() == 409 || DatabaseErrors.isUniqueViolation(e);
    }

    private Uni<UserAccount> existing() {
        return Panache.withSession(() -> UserAccount.findByEmail(email.get()));
    }
}
