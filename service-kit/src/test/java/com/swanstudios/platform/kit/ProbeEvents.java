package com.swanstudios.platform.kit;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Another service's events on the probe topic, written straight to Kafka (no outbox, no database needed). */
final class ProbeEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    /** @return the event id */
    String send(String key, long version, String text) {
        return send("probe.v1", key, version, text);
    }

    /** @return the event id */
    String send(String topic, String key, long version, String text) {
        String id = UUID.randomUUID().toString();
        EventEnvelope envelope = new EventEnvelope(id, "/another-service", "com.swanstudios.probe.note.created",
                OffsetDateTime.now(), key, version, null);
        String body = "{\"key\":\"" + key + "\",\"text\":\"" + text + "\",\"version\":" + version + "}";
        producer.send(new ProducerRecord<>(topic, null, key, body, envelope.toKafkaHeaders()));
        return id;
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
