package com.swanstudios.user.mail;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One mail to send; its body is wiped once sent (it may hold a single-use link). */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String subject;
    public String body;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    @Column(name = "failed_at")
    public OffsetDateTime failedAt;
}
