package com.swanstudios.platform.kit.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * The record that a consumer has applied an event; written in the same transaction as the effect, so an
 * event delivered twice takes effect once. The kit's migrations create {@code processed_event}.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent extends PanacheEntityBase {

    public record Key(String consumer, String eventId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String consumer;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "processed_at", nullable = false)
    public OffsetDateTime processedAt;
}
