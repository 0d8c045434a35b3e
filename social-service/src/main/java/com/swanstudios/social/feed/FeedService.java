package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.post.Post;
import com.swanstudios.social.post.PostPage;
import com.swanstudios.social.post.PostViews;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The caller's home feed, newest first by post id: above the reader's horizon from the per-reader table
 * {@link FeedEntries} keeps (a range of its primary key, the same cost at any number of posts), at and below it
 * (older than the newest {@link FeedTrimmer} cut) from the posts of those the reader follows or is friends with, a
 * slower query that only a reader paging past their newest 800 entries reaches. Both apply the same rules, so a
 * page reads the same whether or not its entries were trimmed.
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

    @WithSession
    public Uni<PostPage> home(Actor reader, UUID after, int limit) {
        return ids(PAGE, reader.id(), after, limit + 1, NONE).chain(entries -> {
            if (entries.size() > limit) {
                return Uni.createFrom().item(entries);
            }
            return olderThanHorizon(reader.id(), entries.isEmpty() ? after : entries.get(entries.size() - 1),
                    limit + 1 - entries.size()).map(older -> {
                List<UUID> all = new ArrayList<>(entries);
                all.addAll(older);
                return all;
            });
        }).chain(ids -> render(reader, ids, limit));
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
