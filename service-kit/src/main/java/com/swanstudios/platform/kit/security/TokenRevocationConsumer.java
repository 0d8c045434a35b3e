package com.swanstudios.platform.kit.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service's consumer of the identity topic for one thing only: each state's {@code id} and
 * {@code tokensValidAfter}, raised into {@link TokenRevocations}. Raising is monotonic, so neither a
 * redelivery nor an older state can lower it, and no inbox row is kept per event. A service's own
 * projection of users (names, roles) is another channel with its own consumer group.
 */
@ApplicationScoped
public class TokenRevocationConsumer implements ChannelConsumer {

    public static final String CHANNEL = "token-revocations";

    private final IdempotentConsumer inbox;
    private final TokenRevocations revocations;
    private final ObjectMapper json;

    TokenRevocationConsumer(IdempotentConsumer inbox, TokenRevocations revocations, ObjectMapper json) {
        this.inbox = inbox;
        this.revocations = revocations;
        this.json = json;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.applyMonotonic(CHANNEL, record, this::apply);
    }

    /** A tombstone follows the deleted state, which already carried the erasure's instant. */
    private Uni<Void> apply(IncomingEvent event) {
        if (event.tombstone()) {
            return Uni.createFrom().voidItem();
        }
        JsonNode state;
        try {
            state = json.readTree(event.payload());
        } catch (IOException e) {
            throw new PoisonMessageException("the identity event is not JSON", e);
        }
        JsonNode after = state.path("tokensValidAfter");
        if (after.isMissingNode() || after.isNull()) {
            return Uni.createFrom().voidItem();
        }
        try {
            return revocations.raise(UUID.fromString(state.path("id").asText()), Instant.parse(after.asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonMessageException("the identity event's id or tokensValidAfter cannot be read", e);
        }
    }
}
