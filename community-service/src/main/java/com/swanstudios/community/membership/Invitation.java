package com.swanstudios.community.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation into a community by a moderator or above, answered by the invitee alone. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";

    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "invitee_id", nullable = false)
    public UUID inviteeId;

    /** Null once the inviter's account was deleted. */
    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
}
