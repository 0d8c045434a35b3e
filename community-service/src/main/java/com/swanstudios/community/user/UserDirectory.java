package com.swanstudios.community.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.identity.UserProjection;
import com.swanstudios.platform.identity.UserState;
import com.swanstudios.platform.kit.inbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@link KnownUser} in step with {@code identity.user.v1} ({@link UserProjection}: newest state only, a
 * deleted user scrubbed, shown as "Deleted user", then erased by the tombstone): the role decides who creates
 * challenges, the verified email who creates communities. What a deleted user leaves behind goes in the same
 * transaction ({@link AccountRemoval}).
 */
@ApplicationScoped
public class UserDirectory extends UserProjection {

    private static final String UPSERT = """
            insert into known_user (id, username, display_name, avatar_url, role, status, email_verified, version, applied_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, clock_timestamp())
            on conflict (id) do update set username = excluded.username, display_name = excluded.display_name,
                avatar_url = excluded.avatar_url, role = excluded.role, status = excluded.status,
                email_verified = excluded.email_verified, version = excluded.version, applied_at = excluded.applied_at""";
    private static final String ERASE = """
            update known_user set username = null, display_name = ?2, avatar_url = null, status = ?3,
                email_verified = false, applied_at = clock_timestamp()
            where id = ?1""";

    private final AccountRemoval removal;

    public UserDirectory(IdempotentConsumer inbox, ObjectMapper json, AccountRemoval removal) {
        super(inbox, json);
        this.removal = removal;
    }

    @Override
    public String channel() {
        return "users";
    }

    @Override
    @Incoming("users")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return super.consume(record);
    }

    @Override
    protected Uni<Void> store(UserState user) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, user.id())
                .setParameter(2, user.username())
                .setParameter(3, user.displayName())
                .setParameter(4, user.avatarUrl())
                .setParameter(5, user.role())
                .setParameter(6, user.status())
                .setParameter(7, user.emailVerified())
                .setParameter(8, user.version())
                .executeUpdate()).replaceWithVoid();
    }

    @Override
    protected Uni<Void> erase(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ERASE)
                .setParameter(1, id).setParameter(2, UserState.DELETED_NAME).setParameter(3, UserState.DELETED)
                .executeUpdate()).replaceWithVoid();
    }

    @Override
    protected Uni<Void> removed(UUID id) {
        return removal.removed(id);
    }
}
