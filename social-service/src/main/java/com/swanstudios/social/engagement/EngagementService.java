package com.swanstudios.social.engagement;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.post.PostAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Views of posts, and a post's engagement for its author. */
@ApplicationScoped
public class EngagementService {

    private static final String VIEWED = """
            insert into post_view (post_id, viewer_id, viewed_at) values (?1, ?2, ?3) on conflict do nothing""";

    /**
     * A member other than its author saw a post they may see: counted once per member and post (repeats, and the
     * author's and admins' own looks, count nothing).
     */
    @WithTransaction
    public Uni<Void> viewed(Actor actor, UUID postId) {
        return PostAccess.visible(postId, actor, LockModeType.NONE).chain(post -> {
            if (actor.admin() || post.authorId.equals(actor.id())) {
                return Uni.createFrom().voidItem();
            }
            return PostAccess.lockForEngagement(postId)
                    .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(VIEWED)
                            .setParameter(1, postId).setParameter(2, actor.id())
                            .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate()))
                    .chain(added -> PostCounters.add(postId, PostCounters.VIEWS, added));
        });
    }

    /** The post's counts, for its author and admins (403 to others who may see it, 404 to the rest). */
    @WithSession
    public Uni<Engagement> of(Actor actor, UUID postId) {
        return PostAccess.visible(postId, actor, LockModeType.NONE).chain(post -> {
            if (!actor.admin() && !post.authorId.equals(actor.id())) {
                throw DomainException.forbidden("Only the post's author or an admin sees its engagement");
            }
            return PostCounters.of(postId);
        });
    }
}
