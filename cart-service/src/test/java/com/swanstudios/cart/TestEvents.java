package com.swanstudios.cart;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Other services' events as they publish them (envelope in the headers), sent to the test broker. */
public final class TestEvents {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers()),
            new StringSerializer(), new StringSerializer());

    private TestEvents() {
    }

    /** One state of an aggregate ({@code body} null: a tombstone), keyed and versioned like the outbox does. */
    public static RecordMetadata publish(String topic, String source, String type, UUID id, long version, String body) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source, type, OffsetDateTime.now(), id.toString(),
                version, null);
        try {
            return PRODUCER.send(new ProducerRecord<>(topic, null, id.toString(), body, envelope.toKafkaHeaders())).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A package's state as storefront-service publishes it on storefront.package.v1. */
    public static RecordMetadata publishPackage(UUID id, String name, int sessions, long priceCents, boolean active, long version) {
        String body = """
                {"id":"%s","name":"%s","description":"","packageType":"fixed","sessions":%d,"months":null,
                 "sessionsPerWeek":null,"totalSessions":%d,"pricePerSessionCents":%d,"totalCostCents":%d,"currency":"USD",
                 "displayOrder":1,"active":%b,"version":%d}""".formatted(id, name, sessions, sessions, priceCents / sessions,
                priceCents, active, version);
        return publish("storefront.package.v1", "/storefront-service", "com.swanstudios.storefront.package.updated", id, version,
                body);
    }

    /** Until cart-service's consumer group has committed past the record: it was handled, whatever it did. */
    public static void awaitConsumed(RecordMetadata record) {
        TopicRecords.awaitConsumed(PlatformTestResource.kafka().bootstrapServers(), "cart-service", record);
    }
}
