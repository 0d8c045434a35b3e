package com.swanstudios.community.user;

import com.swanstudios.community.membership.MemberErasure;
import com.swanstudios.community.membership.MemberEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion: its memberships and
 * invitations go, with member counts and ownership kept right, and so do its participations, answers to events and
 * achievements ({@link MemberErasure}); each community it was active in hears member.left. Applying it twice changes
 * nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);

    private final MemberEvents events;

    public AccountRemoval(MemberEvents events) {
        this.events = events;
    }

    public Uni<Void> removed(UUID userId) {
        return MemberErasure.erase(userId, events)
                .invoke(left -> LOG.infof("Deleted user %s: left %d communities", userId, left.size()))
                .replaceWithVoid();
    }
}
