package com.swanstudios.user.auth;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.swanstudios.platform.kit.concurrency.Blocking;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.text.Normalizer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id (OWASP's first choice; password4j), salted with 16 random bytes and stored in the PHC string format,
 * which carries its own parameters: raising them later applies to new hashes while old ones still verify, and
 * {@link #outdated} tells which to rehash at the next sign-in. Hashes made before Argon2 (bcrypt, {@code $2a$})
 * still verify and are outdated. Passwords are NFKC-normalised first, so the same passphrase typed on two
 * keyboards is the same password. Hashing takes tens of milliseconds and 19 MiB, so it runs on a worker thread.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    /** Checked against when the email is unknown, so that answer takes as long as a wrong password. */
    private volatile String decoy;

    PasswordHasher(@ConfigProperty(name = "swan.auth.argon2.memory-kib") int memoryKib,
            @ConfigProperty(name = "swan.auth.argon2.iterations") int iterations,
            @ConfigProperty(name = "swan.auth.argon2.parallelism") int parallelism) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
    }

    /** At start, on the main thread: hashing it later would block whichever thread first needed it. */
    void onStart(@Observes StartupEvent start) {
        decoy = hashNow("decoy-password-for-unknown-accounts");
    }

    public Uni<String> hash(String password) {
        return Blocking.call(() -> hashNow(password));
    }

    /** Constant-time comparison in both algorithms; a missing hash is checked against the decoy and fails. */
    public Uni<Boolean> matches(String password, String hashOrNull) {
        return Blocking.call(() -> {
            String stored = hashOrNull == null ? decoy : hashOrNull;
            boolean matched = isBcrypt(stored)
                    ? Password.check(password, stored).with(BcryptFunction.getInstanceFromHash(stored))
                    : Password.check(normalized(password), stored).with(Argon2Function.getInstanceFromHash(stored));
            return matched && hashOrNull != null;
        });
    }

    /** Whether a stored hash should be replaced by a new one (made by bcrypt, or with weaker parameters). */
    public boolean outdated(String stored) {
        return isBcrypt(stored) || !Argon2Function.getInstanceFromHash(stored).equals(argon2);
    }

    private String hashNow(String password) {
        return Password.hash(normalized(password)).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    private static boolean isBcrypt(String stored) {
        return stored.startsWith("$2");
    }

    private static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
