package com.swanstudios.social.user;

import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.feed.FeedEntries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.util.UUID;

/**
 * What a deleted account leaves behind here, in the transaction that applies its deletion, with every post's counters
 * kept equal to what remains:
 * <ul>
 * <li>its posts (shares included) go, with everything on them (comments, reactions, views, reports, others' shares
 * of them, feed entries: the foreign keys), and its connections (either side, blocks included) and home feed;</li>
 * <li>on others' posts: its reactions go, its comments go (a comment others replied to stays as a tombstone without
 * author or text, so their thread holds), each one fewer in the post's counters, as are its shares in the
 * originals';</li>
 * <li>what must stay counted is anonymised: its views stay in the view counts without naming it, its reports stay
 * in the moderation counts without reporter or reason (a flagged post stays flagged until an admin decides);</li>
 * <li>what was derived from it goes: the hashtags, mentions and analyses of its comments (tombstones keep none), the
 * mentions of it in others' texts, its interaction scores either way and its community memberships.</li>
 * </ul>
 * The counters of the posts it touched are locked first, in one order, as every writer of engagement takes them
 * (PostAccess). Applying it twice changes nothing more.
 */
@ApplicationScoped
public class AccountRemoval {

    private static final Logger LOG = Logger.getLogger(AccountRemoval.class);
    private static final String LOCK_TOUCHED = """
            select s.post_id from post_stats s join post p on p.id = s.post_id
            where p.author_id <> $1 and s.post_id in (
                select post_id from reaction where user_id = $1
                union select post_id from comment where author_id = $1
                union select shared_post_id from post where author_id = $1 and shared_post_id is not null)
            order by s.post_id for update of s""";
    private static final String UNSHARE = """
            update post_stats s set shares = s.shares - c.n
            from (select shared_post_id as post_id, count(*) as n from post where author_id = ?1 and shared_post_id is not null
                  group by shared_post_id) c
            where s.post_id = c.post_id""";
    private static final String POSTS = "delete from post where author_id = ?1";
    private static final String UNREACT = """
            update post_stats s set reactions_like = s.reactions_like - c.likes, reactions_love = s.reactions_love - c.loves,
                reactions_fire = s.reactions_fire - c.fires, reactions_strong = s.reactions_strong - c.strongs,
                reactions_clap = s.reactions_clap - c.claps
            from (select post_id, count(*) filter (where kind = 'like') as likes, count(*) filter (where kind = 'love') as loves,
                         count(*) filter (where kind = 'fire') as fires, count(*) filter (where kind = 'strong') as strongs,
                         count(*) filter (where kind = 'clap') as claps
                  from reaction where user_id = ?1 group by post_id) c
            where s.post_id = c.post_id""";
    private static final String REACTIONS = "delete from reaction where user_id = ?1";
    private static final String UNCOMMENT = """
            update post_stats s set comments = s.comments - c.n
            from (select post_id, count(*) as n from comment where author_id = ?1 group by post_id) c
            where s.post_id = c.post_id""";
    /** What its comments' text gave rise to, before the text goes (a tombstone no longer names its author). */
    private static final String COMMENT_TAGS = """
            with tags as (delete from comment_hashtag where comment_id in (select id from comment where author_id = ?1)),
                 analyses as (delete from content_analysis where comment_id in (select id from comment where author_id = ?1))
            delete from comment_mention where comment_id in (select id from comment where author_id = ?1)""";
    private static final String MENTIONS_OF = """
            with in_posts as (delete from post_mention where user_id = ?1)
            delete from comment_mention where user_id = ?1""";
    private static final String SCORES = "delete from interaction_score where user_id = ?1 or other_id = ?1";
    private static final String COMMUNITIES = "delete from community_member where user_id = ?1";
    private static final String TOMBSTONES = """
            update comment c set author_id = null, content = null, deleted_at = now(), updated_at = now()
            where c.author_id = ?1 and exists (select 1 from comment r where r.parent_id = c.id)""";
    private static final String COMMENTS = "delete from comment where author_id = ?1";
    private static final String VIEWS = "delete from post_view where viewer_id = ?1";
    private static final String REPORTS = "update post_report set reporter_id = null, reason = null where reporter_id = ?1";
    private static final String CONNECTIONS = "delete from connection where requester_id = ?1 or target_id = ?1";

    public Uni<Void> removed(UUID userId) {
        return NativeRows.list(LOCK_TOUCHED, userId)
                .chain(() -> update(UNSHARE, userId))
                .chain(() -> update(POSTS, userId))
                .call(() -> FeedEntries.userRemoved(userId))
                .chain(posts -> update(UNREACT, userId).chain(() -> update(REACTIONS, userId))
                        .chain(() -> update(UNCOMMENT, userId))
                        .chain(() -> update(COMMENT_TAGS, userId))
                        .chain(() -> update(TOMBSTONES, userId))
                        .chain(() -> update(COMMENTS, userId))
                        .chain(() -> update(VIEWS, userId))
                        .chain(() -> update(REPORTS, userId))
                        .chain(() -> update(MENTIONS_OF, userId))
                        .chain(() -> update(SCORES, userId))
                        .chain(() -> update(COMMUNITIES, userId))
                        .chain(() -> update(CONNECTIONS, userId))
                        .invoke(connections -> LOG.infof("Deleted user %s: %d posts and %d connections removed", userId, posts,
                                connections)))
                .replaceWithVoid();
    }

    private static Uni<Integer> update(String sql, UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, userId).executeUpdate());
    }
}
