package com.swanstudios.platform.kit.outbox;

import java.util.Objects;

/**
 * What a service wants announced: the topic, the CloudEvents type, the aggregate it is about (the Kafka
 * key), the aggregate's version after the change (consumers apply only newer versions) and the body, any
 * Jackson-serialisable value, or {@code null} for a tombstone.
 */
public record OutboundEvent(String topic, String type, String aggregateId, long version, Object payload) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (version < 0) {
            throw new IllegalArgumentException("an aggregate version is never negative: " + version);
        }
    }

    /**
     * Removes the key from a compacted topic. Give it a version above the aggregate's last state, so that
     * state, delivered again, is not newer than the erasure.
     */
    public static OutboundEvent tombstone(String topic, String type, String aggregateId, long version) {
        return new OutboundEvent(topic, type, aggregateId, version, null);
    }
}
