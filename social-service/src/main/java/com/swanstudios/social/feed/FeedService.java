package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostPage;
import com.swanstudios.social.post.PostViews;
import com.swanstudios.social.score.InteractionScores;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's home feed, newest first by post id: above the reader's horizon from the per-reader table
 * {@link FeedEntries} keeps (a range of its primary key, the same cost at any number of posts), at and below it
 * (older than the newest {@link FeedTrimmer} cut) from the posts of those the reader follows or is friends with, a
 * slower query that only a reader paging past their newest 800 entries reaches. Both apply the same rules, so a
 * page reads the same whether or not its entries were trimmed.
 * <p>
 * The relevant order ranks the reader's newest {@code social.feed.relevant-window} (100) feed posts by how close the
 * reader is to each author ({@link InteractionScores}, both directions, decayed) and by age: relevance is
 * {@code (1 + closeness) × 2^(−age / social.feed.relevant-half-life)} (a day by default), so a post of someone the
 * reader often answers stays above strangers' newer ones for a while, and every post sinks with time. Ties go to
 * the newer. Its pages walk that ranked window (the window fixed by its newest post, so arrivals do not reshuffle
 * the pages already read); after the window the feed goes on newest first.
 */
@ApplicationScoped
public class FeedService {

    /**
     * Others' posts only while moderation lets them be published; a share only while its original is one the reader
     * may see (its audience, blocks) and, unless it is the reader's, published: a share never shows its original to
     * more people than the original does.
     */
    private static final String SHOWN = """
            (p.author_id = $1 or p.moderation_status = 'published')
            and (o.id is null or o.author_id = $1
                 or o.moderation_status = 'published' and post_audience_includes($1, o.author_id, o.visibility))""";

    /**
     * A page of the reader's entries above their horizon: a backward range of the primary key that stops at the
     * page's size, each entry's post checked as it comes (a subquery per entry, which the planner cannot turn into a
     * join of all the reader's entries with all posts and a sort, as it otherwise does when the table is small).
     */
    private static final String PAGE = """
            select f.post_id from feed_entry f
            where f.reader_id = $1 and ($2::uuid is null or f.post_id < $2)
              and f.post_id > coalesce((select through_post_id from feed_horizon where reader_id = $1), $4)
              and (select %s from post p left join post o on o.id = p.shared_post_id where p.id = f.post_id)
            order by f.post_id desc limit $3""".formatted(SHOWN);

    private static final String HORIZON = "select through_post_id from feed_horizon where reader_id = $1";

    /**
     * Below the horizon: what fan-out would have put in the feed (the reader's own posts; those of whom they follow,
     * accepted, that followers may see; those of their friends that friends may see), from the posts themselves.
     */
    private static final String PULL = """
            select p.id from post p left join post o on o.id = p.shared_post_id
            where p.author_id in (
                    select $1::uuid
                    union select target_id from connection
                        where requester_id = $1 and type = 'follow' and status = 'accepted'
                    union select case when requester_id = $1 then target_id else requester_id end from connection
                        where (requester_id = $1 or target_id = $1) and type = 'friend' and status = 'accepted')
              and p.id <= $4 and ($2::uuid is null or p.id < $2)
              and (p.author_id = $1 or post_audience_includes($1, p.author_id, p.visibility))
              and %s
            order by p.id desc limit $3""".formatted(SHOWN);

    private static final UUID NONE = new UUID(0, 0);

    private final InteractionScores scores;
    private final int relevantWindow;
    private final Duration relevantHalfLife;

    FeedService(InteractionScores scores, @ConfigProperty(name = "social.feed.relevant-window", defaultValue = "100") int relevantWindow,
            @ConfigProperty(name = "social.feed.relevant-half-life", defaultValue = "P1D") Duration relevantHalfLife) {
        this.scores = scores;
        this.relevantWindow = relevantWindow;
        this.relevantHalfLife = relevantHalfLife;
    }

    /** Newest first, after the post {@code after} names (from the start when null). */
    @WithSession
    public Uni<PostPage> home(Actor reader, UUID after, int limit) {
        return entries(reader.id(), after, limit + 1).chain(ids -> render(reader, ids, limit));
    }

    /**
     * The relevant order: from the ranked window while the cursor is in it (none, or a relevant cursor), then newest
     * first (an id cursor, which the window's last page hands on).
     */
    @WithSession
    public Uni<PostPage> relevant(Actor reader, String cursor, int limit) {
        RelevantCursor at = RelevantCursor.decode(cursor);
        if (at == null && cursor != null && !cursor.isBlank()) {
            return home(reader, IdCursor.decode(cursor), limit);
        }
        UUID atOrBelow = at == null ? null : successor(at.top());
        int shown = at == null ? 0 : at.shown();
        return entries(reader.id(), atOrBelow, relevantWindow).chain(window -> window.isEmpty()
                ? Uni.createFrom().item(new PostPage(List.of(), null))
                : Post.<Post>list("id in ?1", window).chain(posts -> ranked(reader.id(), posts)).chain(ranked -> {
                    List<Post> page = ranked.subList(Math.min(shown, ranked.size()), Math.min(shown + limit, ranked.size()));
                    String next = shown + limit < ranked.size() ? new RelevantCursor(window.get(0), shown + limit).encode()
                            : window.size() == relevantWindow ? IdCursor.encode(window.get(window.size() - 1)) : null;
                    return PostViews.render(reader, page).map(views -> new PostPage(views, next));
                }));
    }

    /** The posts by relevance to the reader, most relevant first; ties to the newer. */
    private Uni<List<Post>> ranked(UUID reader, List<Post> posts) {
        return scores.between(reader, posts.stream().map(post -> post.authorId).collect(Collectors.toSet())).map(closeness -> {
            OffsetDateTime now = OffsetDateTime.now();
            Map<UUID, Double> relevance = posts.stream().collect(Collectors.toMap(post -> post.id, post -> relevance(
                    closeness.getOrDefault(post.authorId, 0.0), Duration.between(post.createdAt, now))));
            Comparator<Post> mostRelevant = Comparator.comparingDouble(post -> -relevance.get(post.id));
            return posts.stream().sorted(mostRelevant.thenComparing(post -> post.createdAt, Comparator.reverseOrder())).toList();
        });
    }

    private double relevance(double closeness, Duration age) {
        return (1 + closeness) * Math.pow(2, -Math.max(0, age.toMillis()) / (double) relevantHalfLife.toMillis());
    }

    /** Up to {@code count} feed post ids, newest first, before {@code after}: entries, then below the horizon. */
    private static Uni<List<UUID>> entries(UUID reader, UUID after, int count) {
        return ids(PAGE, reader, after, count, NONE).chain(entries -> {
            if (entries.size() >= count) {
                return Uni.createFrom().item(entries);
            }
            return olderThanHorizon(reader, entries.isEmpty() ? after : entries.get(entries.size() - 1),
                    count - entries.size()).map(older -> {
                List<UUID> all = new ArrayList<>(entries);
                all.addAll(older);
                return all;
            });
        });
    }

    /** The id right after this one, so that "before it" includes it. */
    private static UUID successor(UUID id) {
        long low = id.getLeastSignificantBits() + 1;
        return new UUID(low == 0 ? id.getMostSignificantBits() + 1 : id.getMostSignificantBits(), low);
    }

    /** Up to {@code count} posts below the reader's horizon and before {@code after}; none without a horizon. */
    private static Uni<List<UUID>> olderThanHorizon(UUID reader, UUID after, int count) {
        return ids(HORIZON, reader).chain(horizon -> horizon.isEmpty()
                ? Uni.createFrom().item(List.<UUID>of())
                : ids(PULL, reader, after, count, horizon.get(0)));
    }

    /** The first column of each row, a post id. */
    private static Uni<List<UUID>> ids(String sql, Object... parameters) {
        return NativeRows.list(sql, parameters).map(rows -> rows.stream().map(row -> (UUID) row[0]).toList());
    }

    private static Uni<PostPage> render(Actor reader, List<UUID> rows, int limit) {
        IdCursor.Slice<UUID> page = IdCursor.slice(rows, limit, id -> id);
        List<UUID> ids = page.items();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new PostPage(List.of(), null));
        }
        return Post.<Post>list("id in ?1 order by id desc", ids).chain(posts -> PostViews.render(reader, posts))
                .map(views -> new PostPage(views, page.nextCursor()));
    }
}
