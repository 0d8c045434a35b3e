package com.swanstudios.platform.kit.inbox;

import com.swanstudios.platform.kit.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record with its CloudEvents envelope read; {@code payload} is {@code null} for a tombstone. */
public record IncomingEvent(EventEnvelope envelope, String key, String payload, String topic, int partition, long offset) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        return new IncomingEvent(EventEnvelope.fromKafkaHeaders(record.headers()), record.key(), record.value(),
                record.topic(), record.partition(), record.offset());
    }

    public boolean tombstone() {
        return payload == null;
    }
}
