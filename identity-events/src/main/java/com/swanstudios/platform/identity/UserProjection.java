package com.swanstudios.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A service's projection of {@code identity.user.v1}, the same way in every service: each user's newest state
 * and never an older one (the kit's version gate, in the transaction that applies it); a deleted user's state
 * kept only {@link UserState#scrubbed() scrubbed}, and a tombstone {@linkplain #erase erasing} what is left, each
 * followed in the same transaction by what the service removes with the account ({@link #removed}); after the
 * tombstone nothing about the user is ever applied again. A service says how it stores a state, erases a user and
 * removes what they left; its subclass carries the {@code @Incoming} channel and calls {@link #consume}.
 */
public abstract class UserProjection implements ChannelConsumer {

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;

    /** For CDI's client proxy of a normal-scoped subclass only; the proxy delegates and never uses these fields. */
    protected UserProjection() {
        this(null, null);
    }

    protected UserProjection(IdempotentConsumer inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Override
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.applyIfNewer(channel(), record, this::apply);
    }

    /** Keeps this state (a deleted user's arrives scrubbed), replacing any older one. */
    protected abstract Uni<Void> store(UserState user);

    /** The tombstone: the user's row keeps its id and {@link UserState#DELETED} status, and nothing else about them. */
    protected abstract Uni<Void> erase(UUID id);

    /** What the service removes or anonymises with the account; applying it twice changes nothing more. */
    protected abstract Uni<Void> removed(UUID id);

    private Uni<Void> apply(IncomingEvent event) {
        if (event.tombstone()) {
            UUID id = UserState.tombstoneId(event.key());
            return erase(id).chain(() -> removed(id));
        }
        UserState user = UserState.parse(json, event.payload());
        if (user.deleted()) {
            return store(user.scrubbed()).chain(() -> removed(user.id()));
        }
        return store(user);
    }
}
