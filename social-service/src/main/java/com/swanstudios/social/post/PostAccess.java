package com.swanstudios.social.post;

import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.connection.Relation;
import com.swanstudios.social.connection.Relations;
import com.swanstudios.social.engagement.PostCounters;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.util.Set;
import java.util.UUID;

/**
 * A post as a caller may reach it, in the caller's session: for reading ({@link #visible}), or for engaging with it
 * ({@link #openForEngagement}: reacting, commenting, sharing, viewing). A post the caller may not see answers 404 to
 * whatever they asked, so its existence does not leak (PostRules).
 */
public final class PostAccess {

    /** Moderation states in which nobody engages with a post any more, its author and admins included. */
    private static final Set<String> CLOSED = Set.of("hidden", "removed");

    private static final String SHARE_LOCK = "select id from post where id = $1 for share";

    private PostAccess() {
    }

    /** The post, if this caller may see it; else 404, as if it did not exist. */
    public static Uni<Post> visible(UUID id, Actor actor, LockModeType lock) {
        return Post.<Post>findById(id, lock).call(post -> {
            if (post == null) {
                throw DomainException.notFound("Post " + id);
            }
            return relation(actor, post.authorId).invoke(relation -> {
                if (!PostRules.visibleTo(post, actor, relation)) {
                    throw DomainException.notFound("Post " + id);
                }
            });
        });
    }

    /**
     * The post, visible to the caller and not hidden or removed by moderation (409 post-moderated), with its turn
     * taken: the post share-locked (it is neither edited nor deleted meanwhile), then its counters locked
     * ({@link PostCounters#lock}), always in this order so two writers never wait for each other the other way round.
     */
    public static Uni<Post> openForEngagement(UUID id, Actor actor) {
        return visible(id, actor, LockModeType.PESSIMISTIC_READ).invoke(post -> {
            if (CLOSED.contains(post.moderationStatus)) {
                throw new DomainException(409, "post-moderated", "Conflict", "Post " + id + " was " + post.moderationStatus
                        + " by a moderator: nobody reacts to, comments on or shares it");
            }
        }).call(post -> PostCounters.lock(post.id));
    }

    /**
     * The post's turn, without asking who may see it (for writers whose right comes from elsewhere, such as the
     * author of a comment taking it back): the same locks in the same order as {@link #openForEngagement}.
     */
    public static Uni<Void> lockForEngagement(UUID id) {
        return NativeRows.list(SHARE_LOCK, id).chain(() -> PostCounters.lock(id));
    }

    /** How the caller stands to the author; an admin's or the author's own view needs no look-up. */
    public static Uni<Relation> relation(Actor actor, UUID authorId) {
        return actor.admin() || authorId.equals(actor.id()) ? Uni.createFrom().item(Relation.NONE)
                : Relations.between(actor.id(), authorId);
    }
}
