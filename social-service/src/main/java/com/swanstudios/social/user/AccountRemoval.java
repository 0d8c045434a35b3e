package com.swanstudios.social.user;

import com.swanstudios.social.feed.FeedEntries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion: its posts, its
 * connections (either side, blocks included) and its home feed go, and its posts leave others' feeds. (Comments and reactions join this when they exist.) Applying it
 * twice changes nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);
    private static final String POSTS = "delete from post where author_id = ?1";
    private static final String CONNECTIONS = "delete from connection where requester_id = ?1 or target_id = ?1";

    public Uni<Void> removed(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(POSTS).setParameter(1, userId).executeUpdate())
                .call(() -> FeedEntries.userRemoved(userId))
                .chain(posts -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CONNECTIONS).setParameter(1, userId).executeUpdate())
                        .invoke(connections -> LOG.infof("Deleted user %s: %d posts and %d connections removed", userId, posts,
                                connections)))
                .replaceWithVoid();
    }
}
