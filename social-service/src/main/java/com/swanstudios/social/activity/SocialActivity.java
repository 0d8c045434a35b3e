package com.swanstudios.social.activity;

import com.swanstudios.platform.kit.outbox.OutboundEvent;
import com.swanstudios.platform.kit.outbox.Outbox;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.post.Post;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Stages {@value #TOPIC} events in the transaction of the change they announce (the kit's outbox): a post published,
 * a reaction, a comment, a share, a mention. Ids only (ActivityEvent), no text.
 * <ul>
 * <li>Key = the post the activity is about (for a share, the original; for a mention, the post or share whose text,
 * or one of whose comments, names the user), so everything about one post arrives in order, its creation first.</li>
 * <li>Only what others may see is announced: nothing about a private post (its creation, or anything on it, is its
 * author's business), and a mention only to a user the post's audience includes (a notification must not point at a
 * post its reader would get 404 for) and only while the post (or comment) is not held for moderation. Followers- and
 * friends-only posts are announced with their visibility in the body: a consumer that shows anything to a third party
 * asks social-service as that reader first. Moderation that comes later (flags, hides) is not announced; reading
 * through social-service applies it.</li>
 * <li>Activity events are facts, not states: every record's aggregate version (ce_aggregateversion) is 0, and consumers
 * apply each once by its ce_id (the kit's consumeOnce), not by version.</li>
 * <li>Taking something back (a reaction removed, a comment or post deleted) is not announced in v1.</li>
 * </ul>
 */
@ApplicationScoped
public class SocialActivity {

    public static final String TOPIC = "social.activity.v1";
    static final String TYPE_PREFIX = "com.swanstudios.social.";
    private static final long NO_VERSION = 0;
    private static final String AUDIENCE = """
            select u from unnest($1::uuid[]) as u where post_audience_includes(u, $2, $3) order by u""";

    private final Outbox outbox;

    public SocialActivity(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A post (not a share: see {@link #shared}) was published. */
    public Uni<Void> postCreated(Post post) {
        return announced(post) ? stage(new ActivityEvent("post.created", post.id, post.authorId, post.authorId, post.visibility,
                post.type, null, null, null, null, null, now())) : none();
    }

    /** A user reacted to a post they had not reacted to. */
    public Uni<Void> reactionAdded(Post post, UUID userId, String reaction) {
        return announced(post) ? stage(new ActivityEvent("reaction.added", post.id, post.authorId, userId, post.visibility,
                null, reaction, null, null, null, null, now())) : none();
    }

    /** A user commented on a post, or replied to one of its comments. */
    public Uni<Void> commentAdded(Post post, UUID commentId, UUID parentId, UUID authorId) {
        return announced(post) ? stage(new ActivityEvent("comment.added", post.id, post.authorId, authorId, post.visibility,
                null, null, commentId, parentId, null, null, now())) : none();
    }

    /** A user shared a post (the original, never private): announced about the original, naming the share. */
    public Uni<Void> shared(Post original, Post share) {
        return announced(original) ? stage(new ActivityEvent("post.shared", original.id, original.authorId, share.authorId,
                original.visibility, null, null, null, null, share.id, null, now())) : none();
    }

    /**
     * The text of a post (or of its comment {@code commentId}) by {@code authorId} newly names these users: each one the
     * post's audience includes is told.
     */
    public Uni<Void> mentioned(Post post, UUID commentId, UUID authorId, List<UUID> users) {
        if (!announced(post) || users.isEmpty()) {
            return none();
        }
        return NativeRows.list(AUDIENCE, users.toArray(UUID[]::new), post.authorId, post.visibility)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> stage(new ActivityEvent("user.mentioned", post.id,
                                post.authorId, authorId, post.visibility, null, null, commentId, null, null, (UUID) row[0],
                                now())))
                        .collect().last())
                .replaceWithVoid();
    }

    private static boolean announced(Post post) {
        return !Post.PRIVATE.equals(post.visibility);
    }

    private Uni<Void> stage(ActivityEvent event) {
        return outbox.stage(new OutboundEvent(TOPIC, TYPE_PREFIX + event.activity(), event.postId().toString(), NO_VERSION,
                event)).replaceWithVoid();
    }

    private static Uni<Void> none() {
        return Uni.createFrom().voidItem();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
