package com.swanstudios.social.user;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion: its posts go.
 * (Comments, reactions and connections join this when they exist.) Applying it twice changes nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);
    private static final String POSTS = "delete from post where author_id = ?1";

    public Uni<Void> removed(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(POSTS).setParameter(1, userId).executeUpdate())
                .invoke(posts -> LOG.infof("Deleted user %s: %d posts removed", userId, posts))
                .replaceWithVoid();
    }
}
