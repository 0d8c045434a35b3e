package com.swanstudios.social.reaction;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's reaction to a post. */
@Schema(name = "Reaction")
public record ReactionView(UUID postId, UUID userId,
        @Schema(enumeration = {"like", "love", "fire", "strong", "clap"}) String type,
        @Schema(description = "When this kind was chosen") OffsetDateTime createdAt) {
}
