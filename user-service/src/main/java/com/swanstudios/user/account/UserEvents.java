package com.swanstudios.user.account;

import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces account changes on {@code identity.user.v1}, inside the transaction that made them. */
@ApplicationScoped
public class UserEvents {

    public static final String TOPIC = "identity.user.v1";
    public static final String REGISTERED = "com.swanstudios.identity.user.registered";
    public static final String PROFILE_CHANGED = "com.swanstudios.identity.user.profile-changed";
    public static final String ROLE_CHANGED = "com.swanstudios.identity.user.role-changed";
    public static final String EMAIL_VERIFIED = "com.swanstudios.identity.user.email-verified";
    public static final String STATUS_CHANGED = "com.swanstudios.identity.user.status-changed";
    /** Only tokensValidAfter moved: a password change or "sign out everywhere". */
    public static final String TOKENS_REVOKED = "com.swanstudios.identity.user.tokens-revoked";
    public static final String DELETED = "com.swanstudios.identity.user.deleted";
    public static final String ERASED = "com.swanstudios.identity.user.erased";

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Flushes first so the state carries the version this change produced. */
    public Uni<UserState> publishState(UserAccount account, String type) {
        return Panache.getSession().chain(session -> session.flush())
                .map(ignored -> UserState.of(account))
                .call(state -> outbox.stage(new OutboundEvent(TOPIC, type, state.id().toString(), state.version(), state)));
    }

    /**
     * The deleted state, then a tombstone that removes the user from the compacted topic (one version above
     * the deleted state, so consumers apply it after that state and nothing older ever again). The user's
     * earlier events still in the outbox (they carry names and avatar) go first.
     */
    public Uni<Void> publishErasure(UserAccount account) {
        return outbox.forget(TOPIC, account.id.toString())
                .chain(() -> publishState(account, DELETED))
                .call(state -> outbox.stage(OutboundEvent.tombstone(TOPIC, ERASED, state.id().toString(), state.version() + 1)))
                .replaceWithVoid();
    }
}
