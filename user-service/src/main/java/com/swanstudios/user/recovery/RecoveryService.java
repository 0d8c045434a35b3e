package com.swanstudios.user.recovery;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.user.account.AccountService;
import com.swanstudios.user.account.UserAccount;
import com.swanstudios.user.account.UserEvents;
import com.swanstudios.user.audit.AuditLog;
import com.swanstudios.user.audit.AuditLog.Event;
import com.swanstudios.user.auth.PasswordHasher;
import com.swanstudios.user.auth.PasswordRules;
import com.swanstudios.user.mail.MailOutbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proof of a mailbox: verification of the address an account signed up with, and password reset. Both mail a
 * single-use link ({@link EmailTokens}) through the mail outbox, in the transaction that wants it sent.
 * A reset proves the mailbox too: it verifies the address, and whoever completes it holds the account, with
 * every earlier session ended and every earlier token void.
 */
@ApplicationScoped
public class RecoveryService {

    static final Duration VERIFICATION_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(15);

    private final EmailTokens tokens;
    private final MailOutbox mail;
    private final AccountService accounts;
    private final UserEvents events;
    private final PasswordHasher passwords;
    private final PasswordRules rules;
    private final AuditLog audit;
    private final String linkBase;

    RecoveryService(EmailTokens tokens, MailOutbox mail, AccountService accounts, UserEvents events,
            PasswordHasher passwords, PasswordRules rules, AuditLog audit,
            @ConfigProperty(name = "swan.mail.link-base") String linkBase) {
        this.tokens = tokens;
        this.mail = mail;
        this.accounts = accounts;
        this.events = events;
        this.passwords = passwords;
        this.rules = rules;
        this.audit = audit;
        this.linkBase = linkBase.replaceAll("/+$", "");
    }

    /** Mails a verification link to the account's address, in the caller's transaction. */
    public Uni<Void> sendVerification(UserAccount account) {
        return tokens.issue(account.id, account.email, EmailTokens.VERIFY_EMAIL, VERIFICATION_LIFETIME)
                .chain(token -> mail.stage(account.email, "Confirm your email address for SwanStudios", """
                        Hello %s,

                        Confirm that this address is yours by opening this link within 7 days:

                        %s/verify-email?token=%s

                        Until then you can sign in, buy and book, but not publish what others see. If you did not
                        sign up, ignore this mail: the account is removed after 7 days.
                        """.formatted(account.displayName, linkBase, token)));
    }

    @WithTransaction
    public Uni<Void> resendVerification(UUID userId) {
        return accounts.active(userId).chain(account -> account.emailVerifiedAt != null
                ? Uni.createFrom().voidItem() : sendVerification(account));
    }

    /**
     * Mails a one-time sign-in link (15 minutes), for an account that failed so many sign-ins that its password
     * alone no longer opens it; in its own transaction.
     */
    public Uni<Void> sendSignInLink(UserAccount account) {
        return Panache.withTransaction(() -> tokens.issue(account.id, account.email, EmailTokens.SIGN_IN, SIGN_IN_LIFETIME)
                .chain(token -> mail.stage(account.email, "Your SwanStudios sign-in link", """
                        Hello %s,

                        Your password was just used to sign in, after many failed attempts on your account from
                        elsewhere. To finish signing in, open this link within 15 minutes (it works once):

                        %s/sign-in?token=%s

                        If it was not you, change your password: someone knows it.
                        """.formatted(account.displayName, linkBase, token))));
    }

    /**
     * Tells the owner that someone with their password keeps sending wrong second-factor codes (the account now
     * takes only recovery codes for the hour), in the caller's transaction. Whoever sees the refusal is that
     * someone; the owner learns it here.
     */
    public Uni<Void> warnOfCodeGuessing(UserAccount account) {
        return mail.stage(account.email, "Someone is trying to sign in to your SwanStudios account", """
                Hello %s,

                Someone signed in to your account with your password and then sent many wrong codes from an
                authenticator. For the next hour your account takes only recovery codes as a second factor.

                If it was not you, someone knows your password: change it now (%s/reset-password).
                """.formatted(account.displayName, linkBase));
    }

    /** Uses a sign-in link up: the account it was mailed for, still at that address, or 400. */
    public Uni<UserAccount> redeemSignInLink(String token) {
        return Panache.withTransaction(() -> tokens.redeem(token, EmailTokens.SIGN_IN).chain(redeemed -> {
            if (redeemed == null) {
                throw invalidLink();
            }
            return accounts.active(redeemed.userId()).invoke(account -> {
                if (!redeemed.email().equalsIgnoreCase(account.email)) {
                    throw invalidLink();
                }
            });
        }));
    }

    /** Uses the link up and marks the address verified (announced on identity.user.v1). */
    public Uni<UserAccount> verify(String token) {
        return Panache.withTransaction(() -> tokens.redeem(token, EmailTokens.VERIFY_EMAIL)
                .chain(redeemed -> {
                    if (redeemed == null) {
                        throw invalidLink();
                    }
                    return accounts.active(redeemed.userId()).call(account -> {
                        if (!redeemed.email().equalsIgnoreCase(account.email)) {
                            throw invalidLink();
                        }
                        return markVerified(account);
                    });
                }));
    }

    /** Whatever the address, the same answer: no one learns here who has an account. */
    public Uni<Void> requestReset(String email) {
        return Panache.withTransaction(() -> UserAccount.findByEmail(email).chain(account -> {
            if (account == null || !account.active()) {
                return Uni.createFrom().voidItem();
            }
            return tokens.issue(account.id, account.email, EmailTokens.PASSWORD_RESET, RESET_LIFETIME)
                    .chain(token -> mail.stage(account.email, "Reset your SwanStudios password", """
                            Hello %s,

                            Someone asked to reset the password of your SwanStudios account. To choose a new one, open
                            this link within 30 minutes (it works once):

                            %s/reset-password?token=%s

                            If it was not you, ignore this mail: your password stays as it is.
                            """.formatted(account.displayName, linkBase, token)));
        }));
    }

    /** Sets the new password, verifies the address, ends every session and voids every token. */
    public Uni<Void> confirmReset(String token, String newPassword) {
        try {
            rules.check("newPassword", newPassword);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        return passwords.hash(newPassword)
                .chain(hash -> Panache.withTransaction(() -> tokens.redeem(token, EmailTokens.PASSWORD_RESET).chain(redeemed -> {
                    if (redeemed == null) {
                        throw invalidLink();
                    }
                    return accounts.active(redeemed.userId()).call(account -> {
                        if (!redeemed.email().equalsIgnoreCase(account.email)) {
                            throw invalidLink();
                        }
                        account.passwordHash = hash;
                        if (account.emailVerifiedAt == null) {
                            account.emailVerifiedAt = now();
                        }
                        return accounts.endEverySession(account);
                    });
                })))
                .invoke(account -> audit.record(Event.PASSWORD_RESET, account.id, account.id, "reset"))
                .replaceWithVoid();
    }

    private Uni<Void> markVerified(UserAccount account) {
        if (account.emailVerifiedAt != null) {
            return Uni.createFrom().voidItem();
        }
        account.emailVerifiedAt = now();
        account.updatedAt = account.emailVerifiedAt;
        return events.publishState(account, UserEvents.EMAIL_VERIFIED).replaceWithVoid();
    }

    private static DomainException invalidLink() {
        return new DomainException(400, "invalid-link", "Bad Request",
                "The link is unknown, expired or already used; ask for a new one");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
