package com.swanstudios.platform.kit.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records every probe event it sees, once, in arrival order. */
@ApplicationScoped
public class ProbeConsumer {

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    public ProbeConsumer(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming("probe-in")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.consumeOnce("probe-consumer", record, this::record).replaceWithVoid();
    }

    private Uni<Void> record(IncomingEvent event) {
        JsonNode body = parse(event.payload());
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("insert into probe_received (event_id, key, text) values (?1, ?2, ?3)")
                        .setParameter(1, event.envelope().id())
                        .setParameter(2, event.key())
                        .setParameter(3, body.path("text").asText())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode body = json.readTree(payload);
            if (!body.hasNonNull("text")) {
                throw new PoisonMessageException("probe event without text");
            }
            return body;
        } catch (java.io.IOException e) {
            throw new PoisonMessageException("probe event is not JSON", e);
        }
    }
}
