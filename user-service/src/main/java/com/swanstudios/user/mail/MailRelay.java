package com.swanstudios.user.mail;

import com.swanstudios.platform.kit.persistence.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends staged mail over SMTP (Quarkus Mailer). Each pass claims a batch of due rows with
 * {@code FOR UPDATE SKIP LOCKED} by moving their next attempt a minute ahead, so replicas never send the same
 * mail twice at once and a replica that dies mid-send hands its rows on after that minute; it then sends each
 * outside any transaction and records the outcome. A failure is retried with exponential backoff up to
 * {@code swan.mail.max-attempts}, then given up (logged: the user can ask for another link).
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final String CLAIM_DUE = """
            update outbound_mail set next_attempt_at = now() + make_interval(secs => $1)
             where id in (select id from outbound_mail
                           where sent_at is null and failed_at is null and next_attempt_at <= now()
                           order by next_attempt_at limit $2 for update skip locked)
            returning id""";

    private final ReactiveMailer mailer;
    private final int maxAttempts;
    private final AtomicBoolean running = new AtomicBoolean();

    MailRelay(ReactiveMailer mailer, @ConfigProperty(name = "swan.mail.max-attempts") int maxAttempts) {
        this.mailer = mailer;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${swan.mail.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return drain().eventually(() -> running.set(false))
                .onFailure().invoke(e -> LOG.warnf("Mail relay pass failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Sends every due mail, a batch at a time; the number sent. */
    public Uni<Integer> drain() {
        return claim().chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::send)
                        .collect().asList()
                        .map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count())
                        .chain(sent -> ids.size() < BATCH ? Uni.createFrom().item(sent) : drain().map(more -> sent + more)));
    }

    private Uni<List<UUID>> claim() {
        return Panache.withTransaction(() -> NativeRows.list(CLAIM_DUE, (double) CLAIM.toSeconds(), (long) BATCH)
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).toList()));
    }

    private Uni<Boolean> send(UUID id) {
        return Panache.withSession(() -> OutboundMail.<OutboundMail>findById(id))
                .chain(mail -> mail == null || mail.body == null ? Uni.createFrom().item(false)
                        : mailer.send(Mail.withText(mail.recipient, mail.subject, mail.body))
                                .replaceWith(true)
                                .onFailure().recoverWithUni(failure -> failed(id, failure).replaceWith(false))
                                .call(sent -> sent ? sent(id) : Uni.createFrom().voidItem()));
    }

    private Uni<Void> sent(UUID id) {
        return Panache.withTransaction(() -> OutboundMail.update(
                "sentAt = ?1, body = null, lastError = null where id = ?2", now(), id)).replaceWithVoid();
    }

    private Uni<Void> failed(UUID id, Throwable failure) {
        String error = String.valueOf(failure.getMessage());
        return Panache.withTransaction(() -> OutboundMail.<OutboundMail>findById(id).invoke(mail -> {
            mail.attempts++;
            mail.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            if (mail.attempts >= maxAttempts) {
                mail.failedAt = now();
                mail.body = null;
                LOG.errorf("Mail %s given up after %d attempts: %s", id, mail.attempts, mail.lastError);
            } else {
                long backoff = Math.min(3600, 5L << Math.min(mail.attempts, 10));
                mail.nextAttemptAt = now().plusSeconds(backoff);
                LOG.warnf("Mail %s not sent (attempt %d, next in %d s): %s", id, mail.attempts, backoff, mail.lastError);
            }
        })).replaceWithVoid();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
