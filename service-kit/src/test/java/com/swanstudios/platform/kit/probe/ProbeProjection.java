package com.swanstudios.platform.kit.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A projection: the latest state per key, and the history of every state it applied. */
@ApplicationScoped
public class ProbeProjection implements ChannelConsumer {

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    public ProbeProjection(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public String channel() {
        return "probe-projection";
    }

    @Override
    @Incoming("probe-projection")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.applyIfNewer(channel(), record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        String text = event.tombstone() ? null : ProbeBodies.text(json, event);
        long version = event.envelope().aggregateVersion();
        return Panache.getSession()
                .chain(session -> (event.tombstone()
                        ? session.createNativeQuery("delete from probe_projection where key = ?1").setParameter(1, event.key())
                        : session.createNativeQuery("insert into probe_projection (key, text, version) values (?1, ?2, ?3)"
                                        + " on conflict (key) do update set text = excluded.text, version = excluded.version")
                                .setParameter(1, event.key()).setParameter(2, text).setParameter(3, version))
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(
                                        "insert into probe_projection_history (key, text, version) values (?1, ?2, ?3)")
                                .setParameter(1, event.key()).setParameter(2, text).setParameter(3, version).executeUpdate()))
                .replaceWithVoid();
    }
}
