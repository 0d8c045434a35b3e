package com.swanstudios.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventState;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import java.util.UUID;

/**
 * One user's state as {@code identity.user.v1} carries it (user-service's contract,
 * {@code contracts/identity.user.v1.schema.json}), read by the services that keep a projection of users. Read
 * strictly where every consumer needs a field (id, version, display name, role, status): a state without one is
 * poison. {@code profileVisibility} and {@code discoverable} are null when absent, for the consumers that need
 * them to refuse ({@link #required}); {@code emailVerified} absent means verified (states published before
 * user-service carried it). A deleted user's state is {@link #scrubbed()} before anyone keeps it.
 */
public record UserState(UUID id, long version, String username, String displayName, String avatarUrl, String role,
        String status, String profileVisibility, Boolean discoverable, boolean emailVerified) {

    public static final String DELETED = "deleted";
    /** How a deleted user is shown wherever their id still stands (an order, a post kept for its counts). */
    public static final String DELETED_NAME = "Deleted user";
    static final String WHAT = "a user state";

    public static UserState parse(ObjectMapper json, String payload) {
        EventState state = EventState.parse(json, payload, WHAT);
        Boolean verified = state.optionalBool("emailVerified");
        return new UserState(state.uuid("id"), state.version(), state.optionalText("username"), state.text("displayName"),
                state.optionalText("avatarUrl"), state.text("role"), state.text("status"), state.optionalText("profileVisibility"),
                state.optionalBool("discoverable"), verified == null || verified);
    }

    /** The id a tombstone's key names. */
    public static UUID tombstoneId(String key) {
        return EventState.uuid(key, WHAT);
    }

    public boolean deleted() {
        return DELETED.equals(status);
    }

    /**
     * What a consumer may keep of a deleted user: the id, the version, the role and the status; shown as
     * {@link #DELETED_NAME}, with the least revealing settings (a private, undiscoverable, unverified profile).
     */
    public UserState scrubbed() {
        return new UserState(id, version, null, DELETED_NAME, null, role, status, "private", false, false);
    }

    /** A field this consumer cannot do without: its value, or poison when the state lacks it. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new PoisonMessageException(WHAT + " without " + field);
        }
        return value;
    }
}
