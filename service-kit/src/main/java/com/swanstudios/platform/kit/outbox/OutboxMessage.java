package com.swanstudios.platform.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One event waiting to be published, written in the same transaction as the change it announces. The
 * kit's migrations ({@code db/service-kit}) own the {@code outbox_message} table; Hibernate validates it against this
 * mapping at start. {@code seq} (assigned by the database) is the publication order.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "aggregate_version")
    public Long aggregateVersion;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The JSON body; {@code null} is a tombstone, which deletes the key from a compacted topic. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** A row that failed waits until then before it is tried again. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    /** Failed too often: it waits for an operator's requeue, and so do later rows of its aggregate. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;
}
