package com.swanstudios.user.credits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventState;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import com.swanstudios.user.account.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listens to cart-service's {@code commerce.credits.v1} (its contract: cart-service's
 * {@code contracts/commerce.credits.v1.schema.json}): a user's first grant for a paid order makes them a
 * {@code client}; the ledger's other entries (spent, refunded, reversed, adjusted) do not. Each event applies once,
 * whatever the number of deliveries.
 */
@ApplicationScoped
public class CreditsConsumer implements ChannelConsumer {

    static final String GRANTED = "com.swanstudios.commerce.credits.granted";

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
        if (!GRANTED.equals(event.envelope().type()) || event.tombstone()) {
            return Uni.createFrom().voidItem();
        }
        EventState grant = EventState.parse(json, event.payload(), "a credits grant");
        grant.uuid("orderId"); // a grant is for a paid order; one without is not cart-service's contract
        return accounts.upgradeToClient(grant.uuid("userId")).replaceWithVoid();
    }
}
