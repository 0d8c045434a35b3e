package com.swanstudios.user.recovery;

import com.swanstudios.platform.kit.outbox.OutboxListener;
import com.swanstudios.user.account.AccountService;
import com.swanstudios.user.account.Roles;
import com.swanstudios.user.account.UserAccount;
import com.swanstudios.user.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * An address is claimed for good only once verified: an account left unverified for 7 days that bought
 * nothing (still a {@code user}) is erased through the normal erasure path, so the address is free again; one
 * that bought something (a {@code client} or above) is kept and reminded once. Run by the housekeeping replica.
 */
@ApplicationScoped
public class UnverifiedAccounts {

    static final Duration GRACE = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(UnverifiedAccounts.class);
    private static final int BATCH = 100;

    private final AccountService accounts;
    private final RecoveryService recovery;
    private final OutboxListener listener;
    private final AuditLog audit;

    UnverifiedAccounts(AccountService accounts, RecoveryService recovery, OutboxListener listener, AuditLog audit) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.listener = listener;
        this.audit = audit;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!listener.housekeeper()) {
            return Uni.createFrom().voidItem();
        }
        return sweep().onFailure().invoke(e -> LOG.warnf("Unverified-account sweep failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Erases and reminds what is due; the number of accounts erased. */
    public Uni<Integer> sweep() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(GRACE);
        return Panache.withSession(() -> UserAccount.<UserAccount>find(
                        "status = ?1 and emailVerifiedAt is null and createdAt < ?2 and role = ?3 order by createdAt",
                        UserAccount.ACTIVE, before, Roles.USER).range(0, BATCH - 1).list())
                .chain(due -> Multi.createFrom().iterable(due).onItem()
                        .transformToUniAndConcatenate(account -> accounts.erase(account.id)
                                .invoke(() -> audit.record(AuditLog.Event.ERASURE, null, account.id, "unverified-for-7-days")))
                        .collect().asList().map(List::size))
                .call(() -> Panache.withTransaction(() -> UserAccount.<UserAccount>find(
                                "status = ?1 and emailVerifiedAt is null and createdAt < ?2 and role <> ?3 and verificationRemindedAt is null",
                                UserAccount.ACTIVE, before, Roles.USER).range(0, BATCH - 1).list()
                        .chain(buyers -> Multi.createFrom().iterable(buyers).onItem()
                                .transformToUniAndConcatenate(account -> {
                                    account.verificationRemindedAt = OffsetDateTime.now(ZoneOffset.UTC);
                                    return recovery.sendVerification(account);
                                }).collect().asList())));
    }
}
