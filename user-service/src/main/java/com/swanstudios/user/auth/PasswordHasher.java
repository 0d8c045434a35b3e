package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.concurrency.Blocking;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt (salted, deliberately slow; Quarkus's Elytron implementation). Hashing and checking take tens to
 * hundreds of milliseconds, so both run on a worker thread.
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most this many bytes of a password. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    /** Checked against when the email is unknown, so that answer takes as long as a wrong password. */
    private volatile String decoy;

    PasswordHasher(@ConfigProperty(name = "swan.auth.bcrypt-cost") int cost) {
        this.cost = cost;
    }

    /** At start, on the main thread: hashing it later would block whichever thread first needed it. */
    void onStart(@Observes StartupEvent start) {
        decoy = BcryptUtil.bcryptHash("decoy-password-for-unknown-accounts", cost);
    }

    public Uni<String> hash(String password) {
        return Blocking.call(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** bcrypt's own comparison is constant-time; a missing hash is checked against the decoy and fails. */
    public Uni<Boolean> matches(String password, String hashOrNull) {
        return Blocking.call(() -> {
            boolean matched = BcryptUtil.matches(password, hashOrNull == null ? decoy : hashOrNull);
            return matched && hashOrNull != null;
        });
    }
}
