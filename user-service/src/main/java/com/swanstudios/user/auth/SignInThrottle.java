package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.outbox.OutboxListener;
import com.swanstudios.platform.kit.problem.TooManyRequestsException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guessing passwords stops, and the owner is never locked out (ASVS 2.2.1). Failed sign-ins are kept in the
 * service's database, so every replica counts the same ones; an IPv6 client counts by its /64, which one
 * subscriber usually holds whole. Over the last hour:
 * <ul>
 * <li>an address that failed {@code pair-slow} times in 15 minutes for an account waits (429 with
 * {@code Retry-After}), and after {@code pair-block} failures in the hour it is refused for that account;</li>
 * <li>an address that failed {@code address-block} times, for any accounts, is refused (credential stuffing);</li>
 * <li>an account that failed {@code account-proof} times, from anywhere, no longer signs in with its password
 * alone: the right password gets a one-time sign-in link mailed to the account's address instead of a session
 * (or, with a second factor, it asks for the code as always). So a distributed guesser gains nothing, and the
 * owner still gets in;</li>
 * <li>wrong second-factor codes are counted the same way, apart ({@link #checkCode}).</li>
 * </ul>
 * Only failures count; the right password never feeds a limit, and none of these blocks the owner at another
 * address.
 */
@ApplicationScoped
public class SignInThrottle {

    /** What the counts allow for one sign-in attempt that was not refused outright. */
    public enum Allowance { PASSWORD, PASSWORD_AND_PROOF }

    private static final String COUNTS = """
            select count(*) filter (where account_key = $1 and address_key = $2 and failed_at > now() - interval '15 minutes') as pair_recent,
                   count(*) filter (where account_key = $1 and address_key = $2) as pair,
                   count(*) filter (where address_key = $2) as address,
                   count(*) filter (where account_key = $1) as account
              from sign_in_failure
             where failed_at > now() - interval '1 hour' and (account_key = $1 or address_key = $2)""";

    private final Pool pool;
    private final OutboxListener listener;
    private final int pairSlow;
    private final int pairBlock;
    private final int addressBlock;
    private final int accountProof;
    private final int codeBlock;

    SignInThrottle(Pool pool, OutboxListener listener,
            @ConfigProperty(name = "swan.signin.pair-slow") int pairSlow,
            @ConfigProperty(name = "swan.signin.pair-block") int pairBlock,
            @ConfigProperty(name = "swan.signin.address-block") int addressBlock,
            @ConfigProperty(name = "swan.signin.account-proof") int accountProof,
            @ConfigProperty(name = "swan.signin.code-block") int codeBlock) {
        this.codeBlock = codeBlock;
        this.pool = pool;
        this.listener = listener;
        this.pairSlow = pairSlow;
        this.pairBlock = pairBlock;
        this.addressBlock = addressBlock;
        this.accountProof = accountProof;
    }

    /** Fails with 429 when this address may not try this account now; otherwise what a sign-in needs. */
    public Uni<Allowance> check(String email, String address) {
        return counts(accountKey(email), address).map(counts -> {
            refuseAddress(counts, "sign-ins");
            return counts.getLong("account") >= accountProof ? Allowance.PASSWORD_AND_PROOF : Allowance.PASSWORD;
        });
    }

    public Uni<Void> failed(String email, String address) {
        return record(accountKey(email), address);
    }

    /** The owner got in from here: this address's earlier failures for the account no longer slow it. */
    public Uni<Void> succeeded(String email, String address) {
        return forgive(accountKey(email), address);
    }

    /**
     * Before a second-factor code is tried (answers the account's wrong codes this hour): wrong codes are counted apart from wrong passwords (whoever tries
     * codes already has the password), by the same per-address rules, and an account whose codes failed
     * {@code code-block} times in the hour takes no more TOTP codes until the hour has passed: about
     * {@code code-block} x 3 of the million codes per hour can be tried, wherever they come from. Recovery codes
     * are still taken, so the owner is not locked out. Callers hold the account's credential row locked, so
     * concurrent attempts cannot all read the counts before any failure is recorded.
     */
    public Uni<Long> checkCode(UUID userId, String address, boolean recoveryCode) {
        return counts(codeKey(userId), address).map(counts -> {
            refuseAddress(counts, "codes");
            // a recovery code (80 random bits) cannot be guessed: the owner can always get in with one
            if (!recoveryCode && counts.getLong("account") >= codeBlock) {
                throw new TooManyRequestsException("Too many wrong codes for this account; try again within the hour"
                        + " (if this was not you, someone has your password: reset it)", 3600);
            }
            return counts.getLong("account");
        });
    }

    /** Whether one more wrong code, after this many this hour, closes the account to TOTP codes for the hour. */
    public boolean closesToCodes(long failuresBefore) {
        return failuresBefore + 1 == codeBlock;
    }

    public Uni<Void> codeFailed(UUID userId, String address) {
        return record(codeKey(userId), address);
    }

    public Uni<Void> codeSucceeded(UUID userId, String address) {
        return forgive(codeKey(userId), address);
    }

    private Uni<Row> counts(String accountKey, String address) {
        return pool.preparedQuery(COUNTS).execute(Tuple.of(accountKey, addressKey(address))).map(rows -> rows.iterator().next());
    }

    private void refuseAddress(Row counts, String what) {
        if (counts.getLong("address") >= addressBlock) {
            throw new TooManyRequestsException("Too many failed sign-ins from your network; try again within the hour", 3600);
        }
        if (counts.getLong("pair") >= pairBlock) {
            throw new TooManyRequestsException("Too many failed " + what + " for this account from your network; "
                    + "try again within the hour", 3600);
        }
        if (counts.getLong("pair_recent") >= pairSlow) {
            throw new TooManyRequestsException("Too many failed " + what + " for this account; try again in 15 minutes", 900);
        }
    }

    private Uni<Void> record(String accountKey, String address) {
        return pool.preparedQuery("insert into sign_in_failure (account_key, address_key) values ($1, $2)")
                .execute(Tuple.of(accountKey, addressKey(address))).replaceWithVoid();
    }

    private Uni<Void> forgive(String accountKey, String address) {
        return pool.preparedQuery("delete from sign_in_failure where account_key = $1 and address_key = $2")
                .execute(Tuple.of(accountKey, addressKey(address))).replaceWithVoid();
    }

    @Scheduled(every = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        if (!listener.housekeeper()) {
            return Uni.createFrom().voidItem();
        }
        return pool.query("delete from sign_in_failure where failed_at < now() - interval '1 hour'").execute()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Code failures are kept under the account id, apart from password failures (kept under the email). */
    static String codeKey(UUID userId) {
        return "code:" + userId;
    }

    static String accountKey(String email) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 254 ? key.substring(0, 254) : key;
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 (the rest is the subscriber's to choose). */
    static String addressKey(String address) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":")) {
            return literal.length() > 64 ? literal.substring(0, 64) : literal;
        }
        try {
            // a literal with a colon is parsed, never looked up
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = java.util.Arrays.copyOf(parsed.getAddress(), 8);
                return HexFormat.of().formatHex(prefix) + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
    }
}
