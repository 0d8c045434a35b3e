package com.swanstudios.user.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.swanstudios.platform.kit.problem.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per client address and per account for registration, mail and password confirmation
 * (sign-in failures are counted in the database instead: SignInThrottle); the buckets
 * live in a bounded Caffeine cache so a flood of addresses cannot exhaust memory. Per replica: with N
 * replicas an attacker gets N times the budget, which these limits allow for.
 */
@ApplicationScoped
public class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(1, TimeUnit.HOURS).build();
    private final Limit registerPerAddress;
    private final Limit registerPerAccount;
    private final Limit reauthenticatePerAccount;

    record Limit(long capacity, Duration period) {
        static Limit parse(String spec) {
            String[] parts = spec.split("/", 2);
            return new Limit(Long.parseLong(parts[0].strip()), Duration.parse("PT" + parts[1].strip().toUpperCase(Locale.ROOT)));
        }
    }

    RateLimits(@ConfigProperty(name = "swan.ratelimit.register-per-address") String registerPerAddress,
            @ConfigProperty(name = "swan.ratelimit.register-per-account") String registerPerAccount,
            @ConfigProperty(name = "swan.ratelimit.reauthenticate-per-account") String reauthenticatePerAccount) {
        this.registerPerAddress = Limit.parse(registerPerAddress);
        this.registerPerAccount = Limit.parse(registerPerAccount);
        this.reauthenticatePerAccount = Limit.parse(reauthenticatePerAccount);
    }

    /** Per address against sign-up floods; per email against probing one address for "already registered". */
    public void register(String address, String email) {
        take("register:address:" + address, registerPerAddress, "Too many sign-ups from your address");
        take("register:account:" + account(email), registerPerAccount, "Too many sign-ups for this email address");
    }

    /** Confirming the password for a sensitive change (a stolen access token must not guess it), by user id. */
    public void reauthenticate(java.util.UUID userId) {
        take("reauthenticate:account:" + userId, reauthenticatePerAccount, "Too many password confirmations for this account");
    }

    /** Mails asked for by a signed-in user (a new verification link): the per-account sign-up budget. */
    public void mail(java.util.UUID userId) {
        take("mail:account:" + userId, registerPerAccount, "Too many mails asked for this account");
    }

    /** Reset links: per address against floods, per email against mail-bombing one mailbox. */
    public void passwordReset(String address, String email) {
        take("reset:address:" + address, registerPerAddress, "Too many password-reset requests from your address");
        take("reset:account:" + account(email), registerPerAccount, "Too many password-reset requests for this email address");
    }

    private static String account(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private void take(String key, Limit limit, String message) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
            throw new TooManyRequestsException(message + "; try again in " + seconds + " s", seconds);
        }
    }
}
