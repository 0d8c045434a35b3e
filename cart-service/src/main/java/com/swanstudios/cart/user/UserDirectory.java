package com.swanstudios.cart.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventState;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link KnownUser} in step with {@code identity.user.v1}: each user's newest state, never an older
 * one (the kit's version gate). A deleted user keeps only their id and status here, and what they left
 * behind goes in the same transaction ({@link AccountRemoval}); after the tombstone nothing about them is
 * ever applied again.
 */
@ApplicationScoped
public class UserDirectory implements ChannelConsumer {

    static final String DELETED = "deleted";
    static final String DELETED_NAME = "Deleted user";
    private static final String WHAT = "a user state";

    private static final String UPSERT = """
            insert into known_user (id, username, display_name, avatar_url, role, status, version, applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, clock_timestamp())
            on conflict (id) do update set username = excluded.username, display_name = excluded.display_name,
                avatar_url = excluded.avatar_url, role = excluded.role, status = excluded.status,
                version = excluded.version, applied_at = excluded.applied_at""";
    private static final String ERASE = """
            update known_user set username = null, display_name = ?2, avatar_url = null, status = ?3,
                applied_at = clock_timestamp() where id = ?1""";

    private final IdempotentConsumer inbox;
    private final ObjectMapper json;
    private final AccountRemoval removal;

    public UserDirectory(IdempotentConsumer inbox, ObjectMapper json, AccountRemoval removal) {
        this.inbox = inbox;
        this.json = json;
        this.removal = removal;
    }

    @Override
    public String channel() {
        return "users";
    }

    @Override
    @Incoming("users")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.applyIfNewer(channel(), record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (event.tombstone()) {
            UUID id = EventState.uuid(event.key(), WHAT);
            return Panache.getSession().chain(session -> session.createNativeQuery(ERASE)
                    .setParameter(1, id).setParameter(2, DELETED_NAME).setParameter(3, DELETED).executeUpdate()).replaceWithVoid();
        }
        EventState user = EventState.parse(json, event.payload(), WHAT);
        boolean deleted = DELETED.equals(user.text("status"));
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, user.uuid("id"))
                        .setParameter(2, deleted ? null : user.optionalText("username"))
                        .setParameter(3, deleted ? DELETED_NAME : user.text("displayName"))
                        .setParameter(4, deleted ? null : user.optionalText("avatarUrl"))
                        .setParameter(5, user.text("role"))
                        .setParameter(6, user.text("status"))
                        .setParameter(7, user.version())
                        .executeUpdate())
                .call(() -> deleted ? removal.removed(user.uuid("id")) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }
}
