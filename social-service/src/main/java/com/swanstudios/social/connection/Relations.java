package com.swanstudios.social.connection;

import com.swanstudios.platform.kit.persistence.NativeRows;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** What the connections between two users say about them ({@link Relation}), in the caller's session. */
public final class Relations {

    private static final String BETWEEN = """
            select coalesce(bool_or(status = 'blocked'), false),
                   coalesce(bool_or(type = 'follow' and status = 'accepted' and requester_id = $1), false),
                   coalesce(bool_or(type = 'friend' and status = 'accepted'), false)
            from connection
            where (requester_id = $1 and target_id = $2) or (requester_id = $2 and target_id = $1)""";

    private Relations() {
    }

    /** How {@code viewer} stands to {@code other}; nothing for oneself. */
    public static Uni<Relation> between(UUID viewer, UUID other) {
        if (viewer.equals(other)) {
            return Uni.createFrom().item(Relation.NONE);
        }
        return NativeRows.one(BETWEEN, viewer, other)
                .map(row -> new Relation((Boolean) row[0], (Boolean) row[1], (Boolean) row[2]));
    }
}
