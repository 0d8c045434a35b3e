package com.swanstudios.platform.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Which channels wait behind a record that failed for a transient reason (its partition waits behind it),
 * for readiness ({@link ConsumerReadiness}) and the {@code inbox.waiting} gauge: 1 per waiting channel of
 * this replica, so a sum over pods counts them.
 */
@ApplicationScoped
public class ConsumerHealth {

    record Waiting(String eventId, String origin, Instant since, int attempts, String lastError) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    ConsumerHealth(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A replayed dead letter is tracked apart from the live channel, so neither hides the other's state. */
    static String key(String channel, org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return record.headers().lastHeader(DeadLetterReplay.REPLAY_HEADER) == null ? channel : replayKey(channel);
    }

    static String replayKey(String channel) {
        return channel + " (dead-letter replay)";
    }

    /** @return the number of attempts so far for this event */
    int failed(String channel, String eventId, String origin, String error) {
        Waiting updated = waiting.compute(channel, (key, current) -> current != null && current.eventId().equals(eventId)
                ? new Waiting(eventId, origin, current.since(), current.attempts() + 1, error)
                : new Waiting(eventId, origin, Instant.now(), 1, error));
        gauge(channel).set(1);
        return updated.attempts();
    }

    void flowing(String channel) {
        if (waiting.remove(channel) != null) {
            gauge(channel).set(0);
        }
    }

    private AtomicInteger gauge(String channel) {
        return gauges.computeIfAbsent(channel, name -> registry.gauge("inbox.waiting", Tags.of("channel", name),
                new AtomicInteger()));
    }

    /** Readiness: DOWN while any channel waits, with the channel, the event and the last error in the data. */
    HealthCheckResponse readiness() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").status(waiting.isEmpty());
        // unauthenticated endpoint: the kind of error only; the message (SQL, hosts) is in the logs
        waiting.forEach((channel, w) -> response.withData(channel, "waiting since " + w.since() + " on event " + w.eventId()
                + " (" + w.origin() + "), " + w.attempts() + " attempts, last error: " + w.lastError() + " (details in the log)"));
        return response.build();
    }
}
