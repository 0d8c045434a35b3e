package com.swanstudios.social.feed;

import com.swanstudios.social.connection.Relation;
import com.swanstudios.social.connection.Relations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Keeps the per-reader feed table (V5__feed.sql) in step with posts and connections, in the caller's transaction.
 * <p>
 * Fan-out happens in the posting transaction rather than through the service's outbox events: the feed is then never
 * behind what committed (a new post is in its followers' feeds, and a block's pruning is done, the moment the change
 * commits; no window where a blocked user still reads the blocker's posts), and nothing more runs to do it (no
 * consumer of our own topic, no retries or ordering between a post and a later block). The price is a write per
 * follower in the posting transaction, fine at this platform's follower counts; a pull path for authors with very
 * many followers is where this would change.
 * <ul>
 * <li>a post goes to its author and to those its visibility lets see it: accepted followers for public and
 * followers posts, friends for those and friends posts; a private one to its author alone;</li>
 * <li>a pair's change of connections (a follow or friendship accepted, a connection deleted, a block) rebuilds the
 * pair's entries both ways from what their connections now allow, backfilling at most the other's last
 * {@value #BACKFILL} posts;</li>
 * <li>moderation is applied when reading (only published posts of others are shown), and so is a share's original
 * (a share is shown only while its reader may see the original, FeedService); deleting a post removes its entries by
 * the foreign key, and a share goes with its original.</li>
 * </ul>
 * The table is bounded: {@link FeedTrimmer} keeps each reader's newest entries and FeedService reads older pages
 * from the posts themselves.
 */
public final class FeedEntries {

    static final int BACKFILL = 200;

    private static final String FAN_OUT = """
            insert into feed_entry (reader_id, post_id, author_id)
            select reader, cast(?2 as uuid), cast(?1 as uuid) from (
                select cast(?1 as uuid) as reader
                union select requester_id from connection
                    where target_id = ?1 and type = 'follow' and status = 'accepted' and ?3 in ('public', 'followers')
                union select case when requester_id = ?1 then target_id else requester_id end from connection
                    where (requester_id = ?1 or target_id = ?1) and type = 'friend' and status = 'accepted' and ?3 <> 'private'
            ) readers
            on conflict do nothing""";
    private static final String OTHERS_OF_POST = "delete from feed_entry where post_id = ?1 and reader_id <> ?2";
    private static final String PAIR = """
            delete from feed_entry where reader_id = ?1 and author_id = ?2 or reader_id = ?2 and author_id = ?1""";
    private static final String BACKFILL_SQL = """
            insert into feed_entry (reader_id, post_id, author_id)
            select cast(?1 as uuid), id, author_id from (
                select id, author_id from post
                where author_id = ?2 and visibility <> 'private' and (?3 or visibility <> 'friends')
                order by id desc limit %d) recent
            on conflict do nothing""".formatted(BACKFILL);
    private static final String OF_USER = "delete from feed_entry where reader_id = ?1 or author_id = ?1";
    private static final String HORIZON_OF_USER = "delete from feed_horizon where reader_id = ?1";

    private FeedEntries() {
    }

    /** A new post, into the feeds of its author and of those allowed to see it. */
    public static Uni<Void> published(UUID postId, UUID authorId, String visibility) {
        return update(FAN_OUT, authorId, postId, visibility);
    }

    /** A post whose visibility may have changed: its entries in others' feeds are made again. */
    public static Uni<Void> visibilityChanged(UUID postId, UUID authorId, String visibility) {
        return update(OTHERS_OF_POST, postId, authorId).chain(() -> published(postId, authorId, visibility));
    }

    /** The pair's connections changed: each one's feed holds the other's posts just as their connections now allow. */
    public static Uni<Void> pairChanged(UUID a, UUID b) {
        return update(PAIR, a, b).chain(() -> backfill(a, b)).chain(() -> backfill(b, a));
    }

    /** A user erased: their feed (and its horizon) and their entries in others'. */
    public static Uni<Void> userRemoved(UUID user) {
        return update(OF_USER, user).chain(() -> update(HORIZON_OF_USER, user));
    }

    private static Uni<Void> backfill(UUID reader, UUID author) {
        return Relations.between(reader, author).chain(relation -> sees(relation)
                ? update(BACKFILL_SQL, reader, author, relation.friend()) : Uni.createFrom().voidItem());
    }

    private static boolean sees(Relation relation) {
        return !relation.blocked() && (relation.follower() || relation.friend());
    }

    private static Uni<Void> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
