package com.swanstudios.platform.kit.inbox;

import com.swanstudios.platform.kit.concurrency.Blocking;
import com.swanstudios.platform.kit.events.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Parks a poison record in its dead-letter topic: the record as it came (key, value, headers), plus headers
 * naming the consumer group and channel that failed it, the error, and where it came from, so an operator
 * can read why and {@link DeadLetterReplay} can hand it back to that consumer alone.
 */
@ApplicationScoped
class DeadLetters {

    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String EXCEPTION = "dead-letter-exception-class-name";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    static final String GROUP = "dead-letter-consumer-group";
    static final String CHANNEL = "dead-letter-channel";
    static final String VALUE_DROPPED = "dead-letter-value-dropped";
    static final String PREFIX = "dead-letter-";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients kafka;
    private final ChannelSettings channels;
    private final MeterRegistry registry;

    DeadLetters(KafkaClients kafka, ChannelSettings channels, MeterRegistry registry) {
        this.kafka = kafka;
        this.channels = channels;
        this.registry = registry;
    }

    /** Completes once the broker has the dead letter; fails (a transient failure, retried) if it cannot take it. */
    Uni<Void> park(String channel, ConsumerRecord<String, String> record, Throwable failure) {
        String group = channels.group(channel);
        String topic = channels.deadLetterTopic(channel, record.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(REASON, bytes(bounded(failure.getMessage())));
        if (failure.getCause() != null) {
            headers.add(CAUSE, bytes(bounded(failure.getCause().getMessage())));
        }
        headers.add(EXCEPTION, bytes(failure.getClass().getName()));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(String.valueOf(record.partition())));
        headers.add(OFFSET, bytes(String.valueOf(record.offset())));
        headers.add(GROUP, bytes(group));
        headers.add(CHANNEL, bytes(channel));
        byte[] value = record.value() == null ? null : bytes(record.value());
        return Blocking.call(() -> {
            try {
                send(new ProducerRecord<>(topic, null, record.key(), value, headers));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException)) {
                    throw new IllegalStateException("the dead-letter topic " + topic + " cannot take the record now: " + e.getMessage(), e);
                }
                // the headers made it too large for the dead-letter topic: keep the headers, say what was dropped
                headers.add(VALUE_DROPPED, bytes(String.valueOf(value == null ? 0 : value.length)));
                try {
                    send(new ProducerRecord<>(topic, null, record.key(), null, headers));
                } catch (ExecutionException again) {
                    throw new IllegalStateException("the dead-letter topic " + topic + " refuses even the record's headers", again);
                }
            }
            return null;
        }).invoke(() -> {
            registry.counter("inbox.dead.lettered", "channel", channel).increment();
            LOG.errorf("%s (group %s) dead-lettered %s/%d@%d to %s: %s", channel, group, record.topic(), record.partition(),
                    record.offset(), topic, Failures.describe(failure));
        }).replaceWithVoid();
    }

    private void send(ProducerRecord<String, byte[]> deadLetter) throws ExecutionException {
        try {
            kafka.producer().send(deadLetter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the dead letter within 30 s", e);
        }
    }

    /** Exception messages can be long (a whole SQL statement): a header keeps the first 1,000 characters. */
    private static String bounded(String text) {
        String value = String.valueOf(text);
        return value.length() <= 1000 ? value : value.substring(0, 1000) + "...";
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
