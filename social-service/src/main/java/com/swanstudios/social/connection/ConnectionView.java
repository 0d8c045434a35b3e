package com.swanstudios.social.connection;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as its two sides see it. */
@Schema(name = "Connection")
public record ConnectionView(UUID id,
        @Schema(description = "Who asked (for a follow: the follower)") UUID requesterId,
        @Schema(description = "Who was asked (for a follow: the one followed)") UUID targetUserId,
        @Schema(enumeration = {"follow", "friend", "trainer_client"}) String type,
        @Schema(enumeration = {"pending", "accepted", "declined", "blocked"}) String status,
        @Schema(nullable = true, description = "Who blocked, on a blocked connection") UUID blockedBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ConnectionView of(Connection c) {
        return new ConnectionView(c.id, c.requesterId, c.targetId, c.type, c.status, c.blockedBy, c.createdAt, c.updatedAt);
    }
}
