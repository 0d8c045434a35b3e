package com.swanstudios.platform.kit.outbox;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row as the relay reads it. */
record PendingMessage(UUID id, long seq, String topic, String aggregateId, Long aggregateVersion, String eventType,
        String payload, String traceParent, OffsetDateTime createdAt, int attempts) {

    static final String COLUMNS =
            "id, seq, topic, aggregate_id, aggregate_version, event_type, payload::text as payload, trace_parent, created_at, attempts";

    static PendingMessage from(Row row) {
        return new PendingMessage(row.getUUID("id"), row.getLong("seq"), row.getString("topic"), row.getString("aggregate_id"),
                row.getLong("aggregate_version"), row.getString("event_type"), row.getString("payload"),
                row.getString("trace_parent"), row.getOffsetDateTime("created_at"), row.getInteger("attempts"));
    }
}
