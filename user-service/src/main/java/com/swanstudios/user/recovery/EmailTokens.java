package com.swanstudios.user.recovery;

import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.user.token.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Single-use tokens mailed to an address (256 random bits; only their SHA-256 is kept), for one purpose each.
 * A token is used up by the statement that checks it, so two clicks on one link never both succeed; it is
 * bound to the address it was mailed to, so one mailed before an address change proves nothing.
 */
@ApplicationScoped
public class EmailTokens {

    public static final String VERIFY_EMAIL = "verify-email";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String SIGN_IN = "sign-in";

    /** Who a used-up token belonged to, and the address it was mailed to. */
    public record Redeemed(UUID userId, String email) {
    }

    /** A new token for the user's address, in the caller's transaction; earlier unused ones of that purpose stop working. */
    public Uni<String> issue(UUID userId, String email, String purpose, Duration lifetime) {
        String token = OpaqueTokens.newToken();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "update email_token set used_at = now() where user_id = ?1 and purpose = ?2 and used_at is null")
                        .setParameter(1, userId).setParameter(2, purpose).executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                        insert into email_token (token_hash, user_id, purpose, email, expires_at)
                                        values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))""")
                                .setParameter(1, OpaqueTokens.hash(token)).setParameter(2, userId).setParameter(3, purpose)
                                .setParameter(4, email).setParameter(5, (double) lifetime.toSeconds())
                                .executeUpdate()))
                .replaceWith(token);
    }

    /** Uses the token up if it is unused, unexpired and of this purpose; null otherwise. In the caller's transaction. */
    public Uni<Redeemed> redeem(String token, String purpose) {
        return NativeRows.list("""
                        update email_token set used_at = now()
                         where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
                        returning user_id, email""", OpaqueTokens.hash(token), purpose)
                .map(rows -> rows.isEmpty() ? null : new Redeemed((UUID) rows.get(0)[0], (String) rows.get(0)[1]));
    }
}
