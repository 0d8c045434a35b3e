package com.swanstudios.community.user;

import com.swanstudios.community.membership.MemberErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion: its memberships and
 * invitations go, with member counts and ownership kept right ({@link MemberErasure}). Applying it twice changes
 * nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);

    public Uni<Void> removed(UUID userId) {
        return MemberErasure.erase(userId)
                .invoke(memberships -> LOG.infof("Deleted user %s: %d memberships removed", userId, memberships))
                .replaceWithVoid();
    }
}
