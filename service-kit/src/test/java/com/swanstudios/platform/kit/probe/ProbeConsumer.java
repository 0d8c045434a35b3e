package com.swanstudios.platform.kit.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** An effect: records every probe event it applies, in arrival order. */
@ApplicationScoped
public class ProbeConsumer implements ChannelConsumer {

    public static final String NEEDS_ALLOWANCE = "needs-allowance";

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    public ProbeConsumer(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public String channel() {
        return "probe-in";
    }

    @Override
    @Incoming("probe-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.consumeOnce(channel(), record, this::record);
    }

    private Uni<Void> record(IncomingEvent event) {
        if (event.tombstone()) {
            return Uni.createFrom().voidItem();
        }
        String text = ProbeBodies.text(json, event);
        return Panache.getSession().chain(session -> allowed(session, event, text)
                .chain(() -> session.createNativeQuery("insert into probe_received (event_id, key, text) values (?1, ?2, ?3)")
                        .setParameter(1, event.envelope().id())
                        .setParameter(2, event.key())
                        .setParameter(3, text)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** An event this consumer cannot use until its key is allowed: poison now, fine after an operator's fix. */
    private static Uni<Void> allowed(org.hibernate.reactive.mutiny.Mutiny.Session session, IncomingEvent event, String text) {
        if (!NEEDS_ALLOWANCE.equals(text)) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("select count(*) from probe_allowed where key = ?1", Long.class)
                .setParameter(1, event.key()).getSingleResult()
                .invoke(n -> {
                    if (n == 0) {
                        throw new PoisonMessageException("key " + event.key() + " is not allowed");
                    }
                })
                .replaceWithVoid();
    }
}
