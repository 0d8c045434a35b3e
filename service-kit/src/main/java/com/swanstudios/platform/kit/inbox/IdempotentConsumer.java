package com.swanstudios.platform.kit.inbox;

import com.swanstudios.platform.kit.events.PoisonMessageException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies an event at most once per consumer: claims the event id in {@code processed_event} and runs the
 * effect in the same transaction, so either both happen or neither. A failing effect is retried a bounded
 * number of times with backoff; then the failure propagates and the channel's {@code dead-letter-queue}
 * strategy parks the record in {@code <topic>.dlq} with the reason, and the partition moves on. A
 * {@link PoisonMessageException} skips the retries.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String CLAIM = """
            insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
            on conflict do nothing""";

    private final int maxRetries;
    private final Duration initialBackoff;

    IdempotentConsumer(@ConfigProperty(name = "swan.inbox.max-retries", defaultValue = "3") int maxRetries,
            @ConfigProperty(name = "swan.inbox.initial-backoff", defaultValue = "200ms") Duration initialBackoff) {
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
    }

    /**
     * Reads the record's envelope and applies the effect once; an unreadable record fails the returned
     * {@code Uni} (never throws), so the channel's failure strategy sees it.
     */
    public Uni<Boolean> consumeOnce(String consumer, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        return Uni.createFrom().item(() -> IncomingEvent.from(record)).chain(event -> consumeOnce(consumer, event, effect));
    }

    /** @return whether the effect ran ({@code false}: this consumer had already processed the event) */
    public Uni<Boolean> consumeOnce(String consumer, IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
        String eventId = event.envelope().id();
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CLAIM)
                                .setParameter(1, consumer)
                                .setParameter(2, eventId)
                                .executeUpdate())
                        .chain(claimed -> claimed == 1
                                ? effect.apply(event).replaceWith(true)
                                : Uni.createFrom().item(false)))
                .invoke(applied -> {
                    if (!applied) {
                        LOG.debugf("%s skipped event %s: already processed", consumer, eventId);
                    }
                })
                .onFailure(e -> !(e instanceof PoisonMessageException)).retry()
                .withBackOff(initialBackoff, initialBackoff.multipliedBy(10)).atMost(maxRetries)
                .onFailure().invoke(e -> LOG.errorf("%s gives up on event %s (%s/%d@%d): %s", consumer, eventId,
                        event.topic(), event.partition(), event.offset(), e.getMessage()));
    }
}
