package com.swanstudios.social.moderation;

import com.swanstudios.platform.kit.ids.Ids;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.analysis.AnalysisView;
import com.swanstudios.social.analysis.ContentReview;
import com.swanstudios.social.comment.Comment;
import com.swanstudios.social.comment.CommentService;
import com.swanstudios.social.comment.CommentView;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostAccess;
import com.swanstudios.social.post.PostRules;
import com.swanstudios.social.post.PostView;
import com.swanstudios.social.post.PostViews;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
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
 * Reports and moderation. A report locks the post's row first, so reports of one post take turns and each counts
 * the open reports as the last one left them: the third distinct reporter flags a published post, however many report
 * at once. A flagged post leaves every feed but its author's (the feed shows others' posts only while published,
 * FeedService) and waits in the queue until an admin approves (published again), hides or removes it; the decision
 * resolves the open reports, so it takes three new reporters to flag it again.
 * <p>
 * Content analysis ({@link ContentReview}) flags posts the same way, and holds comments in a queue of their own (a
 * comment has no moderation status: it stays in its thread, as a flagged post stays on its page, until an admin keeps
 * or removes it). Both queues show the analysis: its score and reasons.
 */
@ApplicationScoped
public class ModerationService {

    public static final int FLAG_AT = 3;
    static final String FLAGGED = Post.FLAGGED;
    private static final Map<String, String> STATUS_OF_ACTION = Map.of("approve", Post.PUBLISHED, "hide", "hidden",
            "remove", "removed");

    private static final String ALREADY = "select id from post_report where post_id = $1 and reporter_id = $2";
    private static final String REPORT = """
            insert into post_report (id, post_id, reporter_id, reason, created_at) values (?1, ?2, ?3, ?4, ?5)""";
    private static final String OPEN = "select count(*) from post_report where post_id = $1 and resolved_at is null";
    private static final String REASONS = """
            select reason from post_report where post_id = $1 and resolved_at is null and reason is not null
            order by created_at, id limit 20""";
    private static final String RESOLVE = "update post_report set resolved_at = ?2 where post_id = ?1 and resolved_at is null";
    private static final String QUEUE = """
            select id from post where moderation_status = 'flagged' and ($1::uuid is null or id > $1) order by id limit $2""";
    private static final String COMMENT_QUEUE = """
            select id from content_analysis where comment_id is not null and flagged_at is not null and reviewed_at is null
              and ($1::uuid is null or id > $1) order by id limit $2""";

    private final ContentReview review;
    private final CommentService comments;

    public ModerationService(ContentReview review, CommentService comments) {
        this.review = review;
        this.comments = comments;
    }

    /** A member reports a post they may see and did not write; once per member and post. */
    @WithTransaction
    public Uni<ReportView> report(Actor actor, UUID postId, String reason) {
        return PostAccess.visible(postId, actor, LockModeType.PESSIMISTIC_WRITE).chain(post -> {
            if (post.authorId.equals(actor.id())) {
                throw new DomainException(422, "own-post", "Unprocessable Content", "You cannot report your own post");
            }
            return KnownUser.<KnownUser>findById(actor.id())
                    .invoke(reporter -> PostRules.requireMayPublish(reporter, actor.id()))
                    .chain(() -> NativeRows.list(ALREADY, postId, actor.id()))
                    .chain(rows -> {
                        if (!rows.isEmpty()) {
                            throw new DomainException(409, "already-reported", "Conflict", "You reported post " + postId
                                    + " already");
                        }
                        ReportView view = new ReportView(Ids.newId(), postId, reason, now());
                        return Panache.getSession().chain(session -> session.createNativeQuery(REPORT)
                                        .setParameter(1, view.id()).setParameter(2, postId).setParameter(3, actor.id())
                                        .setParameter(4, reason).setParameter(5, view.createdAt()).executeUpdate())
                                .chain(() -> NativeRows.<Long>value(OPEN, postId))
                                .invoke(open -> {
                                    if (open >= FLAG_AT && Post.PUBLISHED.equals(post.moderationStatus)) {
                                        post.moderationStatus = FLAGGED;
                                    }
                                })
                                .replaceWith(view);
                    });
        });
    }

    /** Flagged posts, the longest waiting first (by post id, so the order is stable while decisions are made). */
    @WithSession
    public Uni<QueuePage> queue(Actor admin, UUID after, int limit) {
        return NativeRows.list(QUEUE, after, limit + 1).chain(rows -> {
            IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
            List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new QueuePage(List.of(), null));
            }
            return Post.<Post>list("id in ?1 order by id", ids)
                    .chain(posts -> PostViews.render(admin, posts))
                    .chain(views -> review.of(ids).chain(analyses -> Multi.createFrom().iterable(views)
                            .onItem().transformToUniAndConcatenate(view -> item(view, analyses.get(view.id())))
                            .collect().asList()))
                    .map(items -> new QueuePage(items, page.nextCursor()));
        });
    }

    /** Comments content analysis held for review, the longest waiting first, each with its analysis. */
    @WithSession
    public Uni<CommentQueuePage> commentQueue(UUID after, int limit) {
        return NativeRows.list(COMMENT_QUEUE, after, limit + 1).chain(rows -> {
            IdCursor.Slice<Object[]> page = IdCursor.slice(rows, limit, row -> (UUID) row[0]);
            List<UUID> ids = page.items().stream().map(row -> (UUID) row[0]).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new CommentQueuePage(List.of(), null));
            }
            return Comment.<Comment>list("id in ?1 order by id", ids).chain(found -> review.of(ids)
                    .chain(analyses -> authors(found).map(authors -> new CommentQueuePage(found.stream()
                            .map(c -> new CommentQueuePage.Item(
                                    CommentView.of(c, c.authorId == null ? null : authors.get(c.authorId)), analyses.get(c.id)))
                            .toList(), page.nextCursor()))));
        });
    }

    /**
     * An admin keeps a held comment (out of the queue) or removes it (deleted as its author would delete it, in
     * CommentService's transaction, which takes the post's turn first as every comment writer does).
     */
    public Uni<Void> decideComment(Actor admin, UUID commentId, String action) {
        if ("remove".equals(action)) {
            return comments.delete(admin, commentId);
        }
        return Panache.withTransaction(() -> review.commentReviewed(commentId).invoke(held -> {
            if (!held) {
                throw DomainException.notFound("Comment " + commentId + " held for review");
            }
        })).replaceWithVoid();
    }

    private static Uni<Map<UUID, KnownUser>> authors(List<Comment> found) {
        List<UUID> ids = found.stream().map(c -> c.authorId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Uni.createFrom().item(Map.of())
                : KnownUser.<KnownUser>list("id in ?1", ids)
                        .map(users -> users.stream().collect(Collectors.toMap(u -> u.id, Function.identity())));
    }

    /** An admin's decision on any post, flagged or not; the open reports are resolved by it. */
    @WithTransaction
    public Uni<PostView> decide(Actor admin, UUID postId, String action) {
        return PostAccess.visible(postId, admin, LockModeType.PESSIMISTIC_WRITE)
                .call(post -> Panache.getSession().chain(session -> session.createNativeQuery(RESOLVE)
                        .setParameter(1, postId).setParameter(2, now()).executeUpdate()))
                .invoke(post -> {
                    post.moderationStatus = STATUS_OF_ACTION.get(action);
                    post.updatedAt = now();
                })
                .chain(post -> Panache.getSession().chain(session -> session.flush()).chain(() -> PostViews.render(admin, post)));
    }

    private static Uni<QueuePage.Item> item(PostView post, AnalysisView analysis) {
        return NativeRows.<Long>value(OPEN, post.id()).chain(open -> NativeRows.list(REASONS, post.id()).map(rows -> {
            List<String> reasons = new ArrayList<>();
            rows.forEach(row -> reasons.add((String) row[0]));
            return new QueuePage.Item(post, open, reasons, analysis);
        }));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
