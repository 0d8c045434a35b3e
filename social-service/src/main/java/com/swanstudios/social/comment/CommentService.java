package com.swanstudios.social.comment;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.activity.SocialActivity;
import com.swanstudios.social.analysis.ContentReview;
import com.swanstudios.social.connection.Relations;
import com.swanstudios.social.engagement.PostCounters;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostAccess;
import com.swanstudios.social.post.PostRules;
import com.swanstudios.social.score.Interaction;
import com.swanstudios.social.score.InteractionScores;
import com.swanstudios.social.tag.ContentTags;
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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Comments' transactions ({@link CommentRules}). A write first takes the post's turn
 * ({@link PostAccess#openForEngagement}), so whether a comment has replies, and the comment counter, are read as the
 * last writer left them: a reply and the deletion of its parent never cross.
 * <p>
 * Writing a comment's text (adding or editing it) also analyses it ({@link ContentReview}: a high score lists it in
 * the comment queue), keeps its hashtags and mentions ({@link ContentTags}), counts it as an interaction of its author
 * with the post's author and the author replied to (and with whoever it newly mentions), and announces it
 * (social.activity.v1), in the same transaction; a comment's text gone, its tags and analysis go too.
 */
@ApplicationScoped
public class CommentService {

    /** A page of a post's comments, oldest first, without those of anyone a block separates the reader from. */
    private static final String PAGE = """
            select c.id from comment c
            where c.post_id = $1 and ($2::uuid is null or c.id > $2)
              and ($3 or c.author_id is null or c.author_id = $4 or not exists (
                  select 1 from connection k where k.status = 'blocked'
                    and (k.requester_id = $4 and k.target_id = c.author_id or k.requester_id = c.author_id and k.target_id = $4)))
            order by c.id limit $5""";
    private static final String HAS_REPLIES = "select count(*) from comment where parent_id = $1";

    private final ContentReview review;
    private final InteractionScores scores;
    private final SocialActivity activity;

    public CommentService(ContentReview review, InteractionScores scores, SocialActivity activity) {
        this.review = review;
        this.scores = scores;
        this.activity = activity;
    }

    @WithTransaction
    public Uni<CommentView> create(Actor actor, UUID postId, NewComment request) {
        TextTags.requireWithinBounds("content", request.content());
        return PostAccess.openForEngagement(postId, actor).chain(post -> KnownUser.<KnownUser>findById(actor.id())
                .invoke(author -> PostRules.requireMayPublish(author, actor.id()))
                .chain(author -> parent(actor, postId, request.parentId()).chain(parent -> {
                    Comment comment = new Comment();
                    comment.id = Ids.newId();
                    comment.postId = postId;
                    comment.parentId = parent == null ? null : parent.id;
                    comment.depth = (short) (parent == null ? 0 : parent.depth + 1);
                    comment.authorId = actor.id();
                    comment.content = request.content();
                    comment.createdAt = now();
                    comment.updatedAt = comment.createdAt;
                    List<InteractionScores.Toward> towards = new ArrayList<>();
                    towards.add(new InteractionScores.Toward(post.authorId, Interaction.COMMENT));
                    if (parent != null) {
                        towards.add(new InteractionScores.Toward(parent.authorId, Interaction.COMMENT));
                    }
                    return comment.persist().call(() -> Panache.getSession().chain(session -> session.flush()))
                            .call(() -> PostCounters.add(postId, PostCounters.COMMENTS, 1))
                            .call(() -> activity.commentAdded(post, comment.id, comment.parentId, comment.authorId))
                            .call(() -> written(post, comment, towards))
                            .map(saved -> CommentView.of(comment, author));
                })));
    }

    /** A post's comments the reader may see, oldest first; {@code after} is the last id of the previous page. */
    @WithSession
    public Uni<CommentPage> list(Actor actor, UUID postId, UUID after, int limit) {
        return PostAccess.visible(postId, actor, LockModeType.NONE)
                .chain(post -> NativeRows.list(PAGE, postId, after, actor.admin(), actor.id(), limit + 1))
                .chain(rows -> {
                    IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
                    List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(new CommentPage(List.of(), null));
                    }
                    return Comment.<Comment>list("id in ?1 order by id", ids).chain(comments -> authors(comments)
                            .map(authors -> new CommentPage(comments.stream()
                                    .map(c -> CommentView.of(c, c.authorId == null ? null : authors.get(c.authorId))).toList(),
                                    page.nextCursor())));
                });
    }

    /** Its author changes its text, on a post still open to them. */
    @WithTransaction
    public Uni<CommentView> update(Actor actor, UUID id, CommentChange change) {
        TextTags.requireWithinBounds("content", change.content());
        return live(id).chain(found -> PostAccess.openForEngagement(found.postId, actor)
                .chain(post -> Comment.<Comment>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(comment -> {
                    if (comment == null || comment.deleted()) {
                        throw DomainException.notFound("Comment " + id);
                    }
                    CommentRules.requireAuthor(comment, actor, "edit");
                    comment.content = change.content();
                    comment.updatedAt = now();
                    return written(post, comment, List.of())
                            .chain(() -> KnownUser.<KnownUser>findById(actor.id()))
                            .map(author -> CommentView.of(comment, author));
                })));
    }

    /**
     * Its author or an admin deletes it, whatever became of the post meanwhile (one may always take back what one
     * wrote): a tombstone if replies hang on it, else gone; one comment fewer either way.
     */
    @WithTransaction
    public Uni<Void> delete(Actor actor, UUID id) {
        return live(id).call(found -> actor.admin() || actor.id().equals(found.authorId) ? Uni.createFrom().voidItem()
                        : PostAccess.visible(found.postId, actor, LockModeType.NONE)
                                .invoke(post -> CommentRules.requireAuthorOrAdmin(found, actor)))
                .chain(found -> PostAccess.lockForEngagement(found.postId)
                        .chain(() -> Comment.<Comment>findById(id, LockModeType.PESSIMISTIC_WRITE))
                        .chain(comment -> {
                            if (comment == null || comment.deleted()) {
                                throw DomainException.notFound("Comment " + id);
                            }
                            return NativeRows.<Long>value(HAS_REPLIES, id).chain(replies -> {
                                if (replies > 0) {
                                    comment.authorId = null;
                                    comment.content = null;
                                    comment.deletedAt = now();
                                    comment.updatedAt = comment.deletedAt;
                                    return ContentTags.commentCleared(id).chain(() -> review.commentCleared(id));
                                }
                                return comment.delete();
                            }).call(() -> PostCounters.add(comment.postId, PostCounters.COMMENTS, -1));
                        }));
    }

    /**
     * The comment's text is as it will be kept: analysed, its tags kept, the interactions scored (those given, and a
     * mention of each user it newly names) and the newly mentioned told, unless the comment or its post is held for
     * moderation.
     */
    private Uni<Void> written(Post post, Comment comment, List<InteractionScores.Toward> interactions) {
        return review.comment(comment).chain(analysis -> ContentTags.comment(comment.id, comment.authorId, comment.content)
                .call(mentioned -> {
                    List<InteractionScores.Toward> all = new ArrayList<>(interactions);
                    mentioned.forEach(user -> all.add(new InteractionScores.Toward(user, Interaction.MENTION)));
                    return scores.record(comment.authorId, all);
                })
                .call(mentioned -> review.flags(analysis) || !Post.PUBLISHED.equals(post.moderationStatus)
                        ? Uni.createFrom().voidItem() : activity.mentioned(post, comment.id, comment.authorId, mentioned))
                .replaceWithVoid());
    }

    /** The comment replied to: on this post, not deleted, not by anyone a block separates the replier from. */
    private static Uni<Comment> parent(Actor actor, UUID postId, UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return Comment.<Comment>findById(parentId).call(parent -> {
            if (parent == null || parent.deleted() || !parent.postId.equals(postId)) {
                throw DomainException.notFound("Comment " + parentId + " on post " + postId);
            }
            return Relations.between(actor.id(), parent.authorId).invoke(relation -> {
                if (relation.blocked()) {
                    throw DomainException.notFound("Comment " + parentId + " on post " + postId);
                }
                CommentRules.requireDepthLeft(parent);
            });
        });
    }

    private static Uni<Comment> live(UUID id) {
        return Comment.<Comment>findById(id).invoke(comment -> {
            if (comment == null || comment.deleted()) {
                throw DomainException.notFound("Comment " + id);
            }
        });
    }

    private static Uni<Map<UUID, KnownUser>> authors(List<Comment> comments) {
        List<UUID> ids = comments.stream().map(c -> c.authorId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return KnownUser.<KnownUser>list("id in ?1", ids)
                .map(users -> users.stream().collect(Collectors.toMap(u -> u.id, Function.identity())));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
