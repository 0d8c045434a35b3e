package com.swanstudios.social.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.EventState;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.ChannelConsumer;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link KnownUser} in step with {@code identity.user.v1}: each user's newest state, never an older
 * one (the kit's version gate). A deleted user (status {@code deleted}, or the tombstone after it) keeps only
 * their id and status here, shown as "Deleted user", and what they published goes in the same transaction
 * ({@link AccountRemoval}); after the tombstone nothing about them is ever applied again.
 */
@ApplicationScoped
public class UserDirectory implements ChannelConsumer {

    static final String DELETED = "deleted";
    static final String DELETED_NAME = "Deleted user";
    private static final String WHAT = "a user state";

    private static final String UPSERT = """
            insert into known_user (id, username, display_name, avatar_url, role, status, profile_visibility, discoverable,
                email_verified, version, applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, clock_timestamp())
            on conflict (id) do update set username = excluded.username, display_name = excluded.display_name,
                avatar_url = excluded.avatar_url, role = excluded.role, status = excluded.status,
                profile_visibility = excluded.profile_visibility, discoverable = excluded.discoverable,
                email_verified = excluded.email_verified, version = excluded.version, applied_at = excluded.applied_at""";
    /** What an erased user keeps: the id, the status and, as the least revealing settings, a private profile. */
    private static final String ERASE = """
            update known_user set username = null, display_name = ?2, avatar_url = null, status = ?3,
                profile_visibility = 'private', discoverable = false, email_verified = false, applied_at = clock_timestamp()
            where id = ?1""";

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
                            .setParameter(1, id).setParameter(2, DELETED_NAME).setParameter(3, DELETED).executeUpdate())
                    .chain(() -> removal.removed(id));
        }
        EventState user = EventState.parse(json, event.payload(), WHAT);
        UUID id = user.uuid("id");
        boolean deleted = DELETED.equals(user.text("status"));
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, id)
                        .setParameter(2, deleted ? null : user.optionalText("username"))
                        .setParameter(3, deleted ? DELETED_NAME : user.text("displayName"))
                        .setParameter(4, deleted ? null : user.optionalText("avatarUrl"))
                        .setParameter(5, user.text("role"))
                        .setParameter(6, user.text("status"))
                        .setParameter(7, deleted ? "private" : user.text("profileVisibility"))
                        .setParameter(8, !deleted && user.bool("discoverable"))
                        .setParameter(9, !deleted && emailVerified(event.payload()))
                        .setParameter(10, user.version())
                        .executeUpdate())
                .call(() -> deleted ? removal.removed(id) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    /** {@code emailVerified}: absent on events published before user-service carried it, which means true. */
    private boolean emailVerified(String payload) {
        try {
            JsonNode value = json.readTree(payload).path("emailVerified");
            if (value.isMissingNode() || value.isNull()) {
                return true;
            }
            if (!value.isBoolean()) {
                throw new PoisonMessageException(WHAT + " whose emailVerified is not a boolean");
            }
            return value.asBoolean();
        } catch (IOException e) {
            throw new PoisonMessageException(WHAT + " that is not JSON", e);
        }
    }
}
