package com.swanstudios.social.post;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.activity.SocialActivity;
import com.swanstudios.social.engagement.PostCounters;
import com.swanstudios.social.feed.FeedEntries;
import com.swanstudios.social.tag.TextTags;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Posts' transactions: publish, read, edit, delete, and a user's posts a page at a time. Who may see and change
 * what is {@link PostRules}; a post the caller may not see answers 404 whatever they asked to do with it. Publishing
 * and each edit of the text also analyse it, keep its hashtags and mentions ({@link PostText}) and announce it
 * (social.activity.v1), in the same transaction.
 */
@ApplicationScoped
public class PostService {

    private static final String SHARED_POST = "select shared_post_id from post where id = $1";

    private final PostText text;
    private final SocialActivity activity;

    public PostService(PostText text, SocialActivity activity) {
        this.text = text;
        this.activity = activity;
    }

    @WithTransaction
    public Uni<PostView> create(UUID authorId, NewPost request) {
        return KnownUser.<KnownUser>findById(authorId).chain(author -> {
            PostRules.requireShapeOfType(request.type(), request.mediaUrls(), request.workout());
            TextTags.requireWithinBounds("content", request.content());
            PostRules.requireMayPublish(author, authorId);
            Post post = new Post();
            post.id = Ids.newId();
            post.authorId = authorId;
            post.type = request.type();
            post.content = request.content();
            post.mediaUrls = request.mediaUrls() == null ? new String[0] : request.mediaUrls().toArray(String[]::new);
            post.replaceWorkout(request.workout());
            post.visibility = request.visibility();
            post.moderationStatus = Post.PUBLISHED;
            post.createdAt = now();
            post.updatedAt = post.createdAt;
            return post.<Post>persist().call(() -> Panache.getSession().chain(session -> session.flush()))
                    .call(() -> PostCounters.created(post.id))
                    .call(() -> FeedEntries.published(post.id, authorId, post.visibility))
                    .call(() -> activity.postCreated(post))
                    .call(() -> text.written(post))
                    .map(saved -> PostView.of(post, author));
        });
    }

    @WithSession
    public Uni<PostView> get(Actor actor, UUID id) {
        return PostAccess.visible(id, actor, LockModeType.NONE).chain(post -> PostViews.render(actor, post));
    }

    /** The author within the edit window, or an admin; the post's type stays, and must still get what it needs. */
    @WithTransaction
    public Uni<PostView> update(Actor actor, UUID id, PostChange change) {
        if (change.isEmpty()) {
            return Uni.createFrom().failure(DomainException.invalidField("request", "names no field to change"));
        }
        return PostAccess.visible(id, actor, LockModeType.PESSIMISTIC_WRITE).chain(post -> {
            requireAuthorOrAdmin(post, actor, "edit");
            PostRules.requireEditable(post, actor, now());
            if (Post.SHARE.equals(post.type)) {
                PostRules.requireShareEdit(change);
            }
            List<String> media = change.mediaUrls() != null ? change.mediaUrls() : List.of(post.mediaUrls);
            WorkoutSummary workout = change.workout() != null ? change.workout() : post.workout();
            PostRules.requireShapeOfType(post.type, media, workout);
            TextTags.requireWithinBounds("content", change.content());
            String visibilityBefore = post.visibility;
            return stillMayPublish(post, actor).invoke(() -> {
                if (change.content() != null) {
                    post.content = change.content();
                }
                if (change.visibility() != null) {
                    post.visibility = change.visibility();
                }
                post.mediaUrls = media.toArray(String[]::new);
                post.replaceWorkout(workout);
                post.updatedAt = now();
            }).chain(() -> Panache.getSession().chain(session -> session.flush()))
                    .chain(() -> visibilityBefore.equals(post.visibility) ? Uni.createFrom().voidItem()
                            : FeedEntries.visibilityChanged(post.id, post.authorId, post.visibility))
                    .chain(() -> change.content() == null ? Uni.createFrom().voidItem() : text.written(post).replaceWithVoid())
                    .chain(() -> PostViews.render(actor, post));
        });
    }

    /**
     * Deleting a share takes one from its original's shares, with the original locked first (as every writer of an
     * original's engagement does, PostAccess#openForEngagement), then the share.
     */
    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID id) {
        return NativeRows.list(SHARED_POST, id)
                .chain(rows -> {
                    UUID original = rows.isEmpty() ? null : (UUID) rows.get(0)[0];
                    Uni<Void> turn = original == null ? Uni.createFrom().voidItem() : PostAccess.lockForEngagement(original);
                    return turn.chain(() -> PostAccess.visible(id, actor, LockModeType.PESSIMISTIC_WRITE))
                            .invoke(post -> requireAuthorOrAdmin(post, actor, "delete"))
                            .call(post -> original == null ? Uni.createFrom().voidItem()
                                    : PostCounters.add(original, PostCounters.SHARES, -1))
                            .chain(Post::delete);
                });
    }

    /** A user's posts that the caller may see, newest first; {@code after} is the last id of the previous page. */
    @WithSession
    public Uni<PostPage> byAuthor(Actor actor, UUID authorId, UUID after, int limit) {
        return KnownUser.<KnownUser>findById(authorId)
                .onItem().ifNull().failWith(() -> DomainException.notFound("User " + authorId))
                .chain(author -> PostAccess.relation(actor, authorId).chain(relation -> {
                    boolean all = actor.admin() || authorId.equals(actor.id());
                    if (!all && relation.blocked()) {
                        throw DomainException.notFound("User " + authorId);
                    }
                    List<Object> parameters = new ArrayList<>(List.of(authorId));
                    StringBuilder query = new StringBuilder("authorId = ?1");
                    if (!all) {
                        parameters.addAll(List.of(PostRules.audience(relation), PostRules.SHOWN));
                        query.append(" and visibility in ?2 and moderationStatus in ?3");
                    }
                    if (after != null) {
                        parameters.add(after);
                        query.append(" and id < ?").append(parameters.size());
                    }
                    return Post.<Post>find(query.append(" order by id desc").toString(), parameters.toArray())
                            .page(0, limit + 1).list()
                            .chain(found -> {
                                IdCursor.Slice<Post> page = IdCursor.slice(found, limit, post -> post.id);
                                return page.items().isEmpty() ? Uni.createFrom().item(new PostPage(List.of(), null))
                                        : PostViews.render(actor, page.items()).map(views -> new PostPage(views, page.nextCursor()));
                            });
                }));
    }

    /** Those who can see a post but did not write it (and are no admin) may not change it: 403. */
    private static void requireAuthorOrAdmin(Post post, Actor actor, String what) {
        if (!actor.admin() && !post.authorId.equals(actor.id())) {
            throw DomainException.forbidden("Only the post's author or an admin may " + what + " it");
        }
    }

    /** An author's edit publishes again, so it needs what publishing needs; an admin's does not. */
    private static Uni<Void> stillMayPublish(Post post, Actor actor) {
        if (!post.authorId.equals(actor.id())) {
            return Uni.createFrom().voidItem();
        }
        return KnownUser.<KnownUser>findById(actor.id()).invoke(author -> PostRules.requireMayPublish(author, actor.id()))
                .replaceWithVoid();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
