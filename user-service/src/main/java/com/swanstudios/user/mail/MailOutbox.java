package com.swanstudios.user.mail;

import com.swanstudios.platform.kit.ids.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Mail is staged in the caller's transaction, like an event in the kit's outbox: it goes out if and only if
 * the change that wants it commits. A relay ({@link MailRelay}) sends it within a second. Not the kit's Kafka outbox: a mail
 * carries an address and a single-use link, which should not sit in a topic, and an SMTP outage must delay
 * mail without stalling this service's event consumers (whose readiness a stuck record turns DOWN).
 */
@ApplicationScoped
public class MailOutbox {

    public Uni<Void> stage(String recipient, String subject, String body) {
        OutboundMail mail = new OutboundMail();
        mail.id = Ids.newId();
        mail.recipient = recipient;
        mail.subject = subject;
        mail.body = body;
        mail.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        mail.nextAttemptAt = mail.createdAt;
        return mail.persist().replaceWithVoid();
    }
}
