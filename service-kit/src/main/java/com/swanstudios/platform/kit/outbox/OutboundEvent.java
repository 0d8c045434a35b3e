package com.swanstudios.platform.kit.outbox;

import java.util.Objects;

/**
 * What a service wants announced: the topic, the CloudEvents type, the aggregate it is about (the Kafka
 * key) and the body, any Jackson-serialisable value, or {@code null} for a tombstone.
 */
public record OutboundEvent(String topic, String type, String aggregateId, Object payload) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    public static OutboundEvent tombstone(String topic, String type, String aggregateId) {
        return new OutboundEvent(topic, type, aggregateId, null);
    }
}
