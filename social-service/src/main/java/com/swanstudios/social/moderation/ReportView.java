package com.swanstudios.social.moderation;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report as its reporter sees it. */
@Schema(name = "PostReport")
public record ReportView(UUID id, UUID postId, String reason, OffsetDateTime createdAt) {
}
