package com.swanstudios.platform.kit.outbox;

import com.swanstudios.platform.kit.events.EventEnvelope;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends outbox rows to Kafka with an idempotent producer ({@code acks=all}), which keeps the order of
 * records per partition. The Kafka client blocks while the broker is away, so sending runs on a worker
 * thread, never on the event loop.
 */
@ApplicationScoped
class KafkaOutboxPublisher {

    /** How a batch went: the first {@code published} rows reached Kafka; {@code failure} stopped the rest. */
    record Outcome(int published, Throwable failure) {
    }

    private final Producer<String, byte[]> producer;
    private final String source;

    KafkaOutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "swan.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>();
        // everything the service configured for Kafka that a producer understands (security, SASL, TLS...)
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis() + 1000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.source = "/" + applicationName;
    }

    Uni<Outcome> publishInOrder(List<PendingMessage> batch) {
        return Uni.createFrom().item(() -> sendAll(batch)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Stops handing records to the producer at the first one that failed at once (the broker is
     * unreachable, after max.block.ms): the rest would each wait as long, and would fail the same way.
     */
    private Outcome sendAll(List<PendingMessage> batch) {
        List<Future<?>> sends = new ArrayList<>(batch.size());
        try {
            for (PendingMessage message : batch) {
                Future<?> send = producer.send(toRecord(message));
                sends.add(send);
                if (failedAlready(send)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            return awaitPrefix(sends, e);
        }
        return awaitPrefix(sends, null);
    }

    private static boolean failedAlready(Future<?> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Counts the rows that reached Kafka before the first one that did not; later ones are sent again. */
    private static Outcome awaitPrefix(List<Future<?>> sends, Throwable sendFailure) {
        int published = 0;
        for (Future<?> send : sends) {
            try {
                send.get();
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(published, e);
            } catch (Exception e) {
                return new Outcome(published, e.getCause() == null ? e : e.getCause());
            }
        }
        return new Outcome(published, sendFailure);
    }

    private ProducerRecord<String, byte[]> toRecord(PendingMessage message) {
        EventEnvelope envelope = new EventEnvelope(message.id().toString(), source, message.eventType(), message.createdAt(),
                message.aggregateId(), message.traceParent());
        byte[] value = message.payload() == null ? null : message.payload().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(message.topic(), null, message.aggregateId(), value, envelope.toKafkaHeaders());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
