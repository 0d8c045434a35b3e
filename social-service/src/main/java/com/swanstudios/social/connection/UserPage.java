package com.swanstudios.social.connection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of users (followers or followed), the most recent connection first. */
@Schema(name = "UserPage")
public record UserPage(List<UserSummary> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {

    /** A user as lists show them, with when the connection began. */
    @Schema(name = "UserSummary")
    public record UserSummary(UUID id, @Schema(nullable = true) String username, String displayName,
            @Schema(nullable = true) String avatarUrl,
            @Schema(description = "When the connection was made") OffsetDateTime connectedAt) {
    }
}
