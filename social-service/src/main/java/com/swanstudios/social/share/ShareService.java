package com.swanstudios.social.share;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DatabaseErrors;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.activity.SocialActivity;
import com.swanstudios.social.engagement.PostCounters;
import com.swanstudios.social.feed.FeedEntries;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostAccess;
import com.swanstudios.social.post.PostRules;
import com.swanstudios.social.post.PostText;
import com.swanstudios.social.post.PostView;
import com.swanstudios.social.post.PostViews;
import com.swanstudios.social.score.Interaction;
import com.swanstudios.social.score.InteractionScores;
import com.swanstudios.social.tag.TextTags;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Shares: a post of type {@code share} by the sharer, with visibility {@code followers}, so the feed's fan-out
 * ({@link FeedEntries#published}) puts it in the sharer's followers' and friends' feeds. It never widens the
 * original's audience: a private original is not shared at all; for any other, a reader is shown the original (in
 * the share's view, PostViews, and in feeds, FeedService) only if they may see the original itself, as its
 * visibility, the blocks and moderation say at the time they read. So a followers-only original shared to the
 * sharer's followers reaches only those of them who follow its author too, a friends-only one only its author's
 * friends. A flagged original is not shared (it is out of every feed until a moderator decides).
 * <p>
 * A share counts as an interaction of the sharer with the original's author, is announced as post.shared about the
 * original, and its comment is a text like a post's ({@link PostText}: analysed, tags, mentions).
 */
@ApplicationScoped
public class ShareService {

    private static final String ALREADY = "select id from post where author_id = $1 and shared_post_id = $2";

    private final PostText text;
    private final InteractionScores scores;
    private final SocialActivity activity;

    public ShareService(PostText text, InteractionScores scores, SocialActivity activity) {
        this.text = text;
        this.scores = scores;
        this.activity = activity;
    }

    public Uni<PostView> share(Actor actor, UUID id, String comment) {
        TextTags.requireWithinBounds("comment", comment);
        return Panache.withTransaction(() -> PostAccess.visible(id, actor, LockModeType.NONE)
                        // sharing a share shares its original; the original's turn is taken before anything is written
                        .map(found -> found.sharedPostId != null ? found.sharedPostId : id)
                        .chain(originalId -> PostAccess.openForEngagement(originalId, actor))
                        .chain(original -> {
                            requireShareable(original);
                            return KnownUser.<KnownUser>findById(actor.id())
                                    .invoke(sharer -> PostRules.requireMayPublish(sharer, actor.id()))
                                    .call(() -> NativeRows.list(ALREADY, actor.id(), original.id).invoke(rows -> {
                                        if (!rows.isEmpty()) {
                                            throw alreadyShared(original.id);
                                        }
                                    }))
                                    .chain(sharer -> insert(actor, original, comment));
                        }))
                .onFailure(e -> DatabaseErrors.constraint(e).map("post_one_share_per_user"::equals).orElse(false))
                .transform(e -> alreadyShared(id));
    }

    private Uni<PostView> insert(Actor actor, Post original, String comment) {
        Post share = new Post();
        share.id = Ids.newId();
        share.authorId = actor.id();
        share.type = Post.SHARE;
        share.content = comment;
        share.mediaUrls = new String[0];
        share.visibility = "followers";
        share.moderationStatus = Post.PUBLISHED;
        share.sharedPostId = original.id;
        share.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        share.updatedAt = share.createdAt;
        return share.<Post>persist().call(() -> Panache.getSession().chain(session -> session.flush()))
                .call(() -> PostCounters.created(share.id))
                .call(() -> PostCounters.add(original.id, PostCounters.SHARES, 1))
                .call(() -> FeedEntries.published(share.id, share.authorId, share.visibility))
                .call(() -> scores.record(actor.id(), Interaction.SHARE, original.authorId))
                .call(() -> activity.shared(original, share))
                .call(() -> share.content == null ? Uni.createFrom().voidItem() : text.written(share))
                .chain(saved -> PostViews.render(actor, share));
    }

    private static void requireShareable(Post original) {
        if ("private".equals(original.visibility)) {
            throw new DomainException(422, "not-shareable", "Unprocessable Content", "A private post is not shared");
        }
        if (!Post.PUBLISHED.equals(original.moderationStatus)) {
            throw new DomainException(422, "not-shareable", "Unprocessable Content", "A post awaiting a moderator's "
                    + "decision is not shared");
        }
    }

    private static DomainException alreadyShared(UUID original) {
        return new DomainException(409, "already-shared", "Conflict", "You shared post " + original + " already");
    }
}
