package com.swanstudios.platform.kit.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How a service applies consumed events: in one transaction with the record that it did, so a redelivery
 * changes nothing. Two ways, by what the event is:
 * <ul>
 * <li>{@link #consumeOnce}: an effect (grant credits, count something) applies once per event id.</li>
 * <li>{@link #applyIfNewer}: a projection of another service's aggregate applies an event only if its
 * version is newer than the one applied for that aggregate; older or equal ones are acknowledged and
 * ignored, and after a tombstone nothing applies to that aggregate again.</li>
 * <li>{@link #applyMonotonic}: an effect that is idempotent and order-free by itself (it only ever raises a
 * value), so it needs no record of what was applied.</li>
 * </ul>
 * Failures: poison ({@link Failures}) goes to the dead-letter topic at once and the partition moves on;
 * anything else is retried without limit, with backoff, while the partition waits behind it (the channel
 * handles one record at a time) and readiness is DOWN ({@link ConsumerHealth}).
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String CLAIM = """
            insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now())
            on conflict do nothing""";
    private static final String NEWER = """
            insert into applied_version (consumer, aggregate_id, version, updated_at) values (?1, ?2, ?3, now())
            on conflict (consumer, aggregate_id) do update set version = excluded.version, updated_at = now()
            where applied_version.version < excluded.version and applied_version.erased_at is null""";
    private static final String ERASED = """
            insert into applied_version (consumer, aggregate_id, version, erased_at, updated_at) values (?1, ?2, ?3, now(), now())
            on conflict (consumer, aggregate_id) do update
                set version = greatest(applied_version.version, excluded.version), erased_at = now(), updated_at = now()
            where applied_version.erased_at is null""";

    private final ChannelSettings channels;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    IdempotentConsumer(ChannelSettings channels, DeadLetters deadLetters, ConsumerHealth health, MeterRegistry registry,
            ObjectMapper json,
            @ConfigProperty(name = "swan.inbox.initial-backoff", defaultValue = "200ms") Duration initialBackoff,
            @ConfigProperty(name = "swan.inbox.max-backoff", defaultValue = "10s") Duration maxBackoff) {
        this.channels = channels;
        this.deadLetters = deadLetters;
        this.health = health;
        this.registry = registry;
        this.json = json;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Applies an effect once per event id. */
    public Uni<Void> consumeOnce(String channel, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        String consumer = channels.consumerName(channel);
        return handle(channel, record, event -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, consumer)
                        .setParameter(2, event.envelope().id())
                        .executeUpdate())
                .chain(claimed -> claimed == 1 ? effect.apply(event) : skipped(channel, event, "already processed")));
    }

    /**
     * Applies a state of another service's aggregate only if it is newer than the one applied. A tombstone
     * (null value) is applied once and ends the aggregate here: {@code effect} must erase what it holds.
     */
    public Uni<Void> applyIfNewer(String channel, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        String consumer = channels.consumerName(channel);
        return handle(channel, record, event -> {
            Long version = versionOf(event);
            String aggregate = event.envelope().subject() != null ? event.envelope().subject() : event.key();
            if (aggregate == null) {
                throw new PoisonMessageException("an event without subject or key: no aggregate to apply it to");
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(event.tombstone() ? ERASED : NEWER)
                            .setParameter(1, consumer)
                            .setParameter(2, aggregate)
                            .setParameter(3, version == null ? 0L : version)
                            .executeUpdate())
                    .chain(newer -> newer == 1 ? effect.apply(event)
                            : skipped(channel, event, "version " + version + " is not newer than the one applied"));
        });
    }

    /**
     * Applies an effect that a redelivery or a reordering cannot change (e.g. {@code greatest(old, new)}),
     * with the same transaction, retries and dead-lettering as the others but no inbox row per event.
     */
    public Uni<Void> applyMonotonic(String channel, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        return handle(channel, record, effect);
    }

    private Uni<Void> handle(String channel, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> work) {
        Executor onThisContext = contextExecutor();
        Uni<Void> attempt = Uni.createFrom().deferred(() -> {
            IncomingEvent event = IncomingEvent.from(record);
            return Panache.withTransaction(() -> work.apply(event));
        });
        if (onThisContext != null) {
            // a retry resubscribes from a timer thread; the reactive session must open on the channel's context
            attempt = attempt.runSubscriptionOn(onThisContext);
        }
        return attempt
                .onFailure(Failures::transientFailure).invoke(e -> waiting(channel, record, e))
                .onFailure(Failures::transientFailure).retry()
                .withBackOff(initialBackoff, maxBackoff).withJitter(0.2).atMost(Long.MAX_VALUE)
                .invoke(() -> health.flowing(healthKey(channel, record)))
                .onFailure().recoverWithUni(poison -> deadLetters.park(channel, record, poison)
                        .onFailure().invoke(e -> waiting(channel, record, e))
                        .onFailure().retry().withBackOff(initialBackoff, maxBackoff).atMost(Long.MAX_VALUE)
                        .invoke(() -> health.flowing(healthKey(channel, record))));
    }

    private void waiting(String channel, ConsumerRecord<String, String> record, Throwable failure) {
        String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
        int attempts = health.failed(healthKey(channel, record), eventId(record), origin, failure.getClass().getSimpleName());
        registry.counter("inbox.retries", "channel", channel).increment();
        if (attempts == 1 || attempts % 20 == 0) {
            LOG.warnf("%s cannot apply %s yet (attempt %d, retrying without limit; the partition waits): %s", channel,
                    origin, attempts, Failures.describe(failure));
        }
    }

    private Uni<Void> skipped(String channel, IncomingEvent event, String why) {
        LOG.debugf("%s skipped event %s: %s", channel, event.envelope().id(), why);
        return Uni.createFrom().voidItem();
    }

    /** The envelope's version; records staged before the envelope carried it have it in the body. */
    private Long versionOf(IncomingEvent event) {
        if (event.envelope().aggregateVersion() != null || event.tombstone()) {
            return event.envelope().aggregateVersion();
        }
        try {
            JsonNode version = json.readTree(event.payload()).path("version");
            if (version.canConvertToLong()) {
                return version.asLong();
            }
        } catch (IOException e) {
            throw new PoisonMessageException("the event body is not JSON", e);
        }
        throw new PoisonMessageException("an event without an aggregate version (neither the ce_aggregateversion header"
                + " nor a version in the body): its order cannot be known");
    }

    private static String healthKey(String channel, ConsumerRecord<String, String> record) {
        return ConsumerHealth.key(channel, record);
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_id");
        return header == null ? "(no ce_id)" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Executor contextExecutor() {
        Context context = Vertx.currentContext();
        return context == null ? null : command -> context.runOnContext(ignored -> command.run());
    }
}
