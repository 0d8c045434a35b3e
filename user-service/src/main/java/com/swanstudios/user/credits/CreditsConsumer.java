package com.swanstudios.user.credits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import com.swanstudios.user.account.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listens to cart-service's {@code commerce.credits.v1}: a user's first credit grant (a paid order) makes
 * them a {@code client}. Each event applies once, whatever the number of deliveries.
 */
@ApplicationScoped
public class CreditsConsumer implements ChannelConsumer {

    static final String GRANTED_SUFFIX = ".granted";

    private final IdempotentConsumer inbox;
    private final AccountService accounts;
    private final ObjectMapper json;

    public CreditsConsumer(IdempotentConsumer inbox, AccountService accounts, ObjectMapper json) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    public String channel() {
        return "credits";
    }

    @Override
    @Incoming("credits")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.consumeOnce(channel(), record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!event.envelope().type().endsWith(GRANTED_SUFFIX) || event.tombstone()) {
            return Uni.createFrom().voidItem();
        }
        return accounts.upgradeToClient(userId(event.payload())).replaceWithVoid();
    }

    private UUID userId(String payload) {
        try {
            JsonNode body = json.readTree(payload);
            return UUID.fromString(body.path("userId").asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("a credits event without a readable userId", e);
        }
    }
}
