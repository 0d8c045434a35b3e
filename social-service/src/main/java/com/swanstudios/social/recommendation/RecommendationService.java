package com.swanstudios.social.recommendation;

import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.score.InteractionScores;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Whom a member might connect with (DOMAIN.md, Social), in one query over what this service already keeps.
 * <p>
 * Candidates, each source bounded so the cost does not grow with the platform (at most {@value #PER_SOURCE} from each,
 * {@value #PER_INTEREST} posts read per hashtag or exercise, 1,000 of one's connections): the members one has the
 * highest interaction scores with (either way), people followed by the people one follows or is friends with, fellow
 * members of one's communities (community.activity.v1), authors of recent public posts with one's hashtags or of
 * workouts of one's exercises, and trainers (for a member who is not one).
 * <p>
 * Never recommended: oneself; anyone one has a connection with of any type or status (pending, declined, a block
 * either way); accounts not active (suspended, deleted) or without a username; members who opted out of discovery
 * (identity.user.v1's {@code discoverable}).
 * <p>
 * Ranked by {@code interaction × 1 + shared hashtags × 2 + shared workout types × 2 + shared communities × 3 +
 * followed by one's connections × 1.5}, plus 0.5 for a trainer to one who is not; an interest of the candidate is read
 * only from what anyone may see (their public, published posts), one's own from all one wrote (one's last 200 posts and
 * comments). Only candidates scoring above 0 are listed.
 * <p>
 * A bounded list, not a paged one: the best {@code limit} (at most {@value #MAX_LIMIT}). The ranking moves with every
 * interaction, so a cursor into it would skip and repeat people; asking again gives the current best.
 */
@ApplicationScoped
public class RecommendationService {

    public static final int MAX_LIMIT = 50;
    private static final int PER_SOURCE = 300;
    /** The newest public posts read per hashtag or exercise of one's own, whatever their number on the platform. */
    private static final int PER_INTEREST = 50;
    private static final double INTERACTION = 1;
    private static final double HASHTAG = 2;
    private static final double WORKOUT = 2;
    private static final double COMMUNITY = 3;
    private static final double FOLLOWED_BY = 1.5;
    private static final double TRAINER = 0.5;

    private static final String QUERY = String.format(Locale.ROOT, """
            with follows as (
                select case when c.requester_id = $1 then c.target_id else c.requester_id end as id
                from connection c
                where c.status = 'accepted' and (c.type = 'follow' and c.requester_id = $1
                      or c.type = 'friend' and (c.requester_id = $1 or c.target_id = $1))
                limit 1000),
            my_tags as (
                select h.tag from (select id from post where author_id = $1 order by id desc limit 200) p
                    join post_hashtag h on h.post_id = p.id
                union
                select h.tag from (select id from comment where author_id = $1 order by id desc limit 200) c
                    join comment_hashtag h on h.comment_id = c.id),
            my_workouts as (
                select distinct lower(w.workout_exercise) as exercise
                from (select workout_exercise from post where author_id = $1 and workout_exercise is not null
                      order by id desc limit 200) w),
            my_communities as (
                select community_id from community_member where user_id = $1 and left_at is null),
            i_train as (
                select exists (select 1 from known_user where id = $1 and role = 'trainer') as yes),
            candidates as (
                (select case when s.user_id = $1 then s.other_id else s.user_id end as id
                 from interaction_score s where s.user_id = $1 or s.other_id = $1
                 order by interaction_decayed(s.score, s.as_of, $2, now()) desc limit %1$d)
                union
                (select c.target_id from follows f join connection c on c.requester_id = f.id
                 where c.type = 'follow' and c.status = 'accepted' limit %1$d)
                union
                (select m.user_id from my_communities mc
                 join community_member m on m.community_id = mc.community_id and m.left_at is null limit %1$d)
                union
                (select x.author_id from my_tags t cross join lateral (
                     select p.author_id from post_hashtag h join post p on p.id = h.post_id
                     where h.tag = t.tag and p.visibility = 'public' and p.moderation_status = 'published'
                     order by h.post_id desc limit %8$d) x
                 limit %1$d)
                union
                (select x.author_id from my_workouts w cross join lateral (
                     select p.author_id from post p
                     where lower(p.workout_exercise) = w.exercise and p.visibility = 'public'
                       and p.moderation_status = 'published'
                     order by p.id desc limit %8$d) x
                 limit %1$d)
                union
                (select u.id from known_user u, i_train
                 where not i_train.yes and u.role = 'trainer' and u.status = 'active' and u.discoverable limit 100)),
            eligible as (
                select u.id, u.username, u.display_name, u.avatar_url, u.role = 'trainer' as trainer
                from (select distinct id from candidates) k join known_user u on u.id = k.id
                where u.id <> $1 and u.status = 'active' and u.discoverable and u.username is not null
                  and not exists (select 1 from connection c
                                  where c.requester_id = $1 and c.target_id = u.id or c.requester_id = u.id and c.target_id = $1)),
            scored as (
                select e.*,
                    coalesce((select sum(interaction_decayed(s.score, s.as_of, $2, now())) from interaction_score s
                              where s.user_id = $1 and s.other_id = e.id or s.user_id = e.id and s.other_id = $1), 0)
                        as interaction,
                    (select count(distinct h.tag)
                     from (select id from post where author_id = e.id and visibility = 'public'
                               and moderation_status = 'published' order by id desc limit 200) p
                     join post_hashtag h on h.post_id = p.id where h.tag in (select tag from my_tags)) as hashtags,
                    (select count(distinct lower(w.workout_exercise))
                     from (select workout_exercise from post where author_id = e.id and visibility = 'public'
                               and moderation_status = 'published' and workout_exercise is not null
                           order by id desc limit 200) w
                     where lower(w.workout_exercise) in (select exercise from my_workouts)) as workouts,
                    (select count(*) from community_member m where m.user_id = e.id and m.left_at is null
                         and m.community_id in (select community_id from my_communities)) as communities,
                    (select count(*) from follows f join connection c on c.requester_id = f.id
                     where c.target_id = e.id and c.type = 'follow' and c.status = 'accepted') as followed_by
                from eligible e)
            select * from (
                select id, username, display_name, avatar_url, trainer, interaction, hashtags, workouts, communities,
                       followed_by,
                       interaction * %2$s + hashtags * %3$s + workouts * %4$s + communities * %5$s + followed_by * %6$s
                           + case when trainer and not (select yes from i_train) then %7$s else 0 end as score
                from scored) ranked
            where score > 0
            order by score desc, id
            limit $3""", PER_SOURCE, INTERACTION, HASHTAG, WORKOUT, COMMUNITY, FOLLOWED_BY, TRAINER, PER_INTEREST);

    private final InteractionScores scores;

    public RecommendationService(InteractionScores scores) {
        this.scores = scores;
    }

    @WithSession
    public Uni<RecommendationList> forMember(UUID member, int limit) {
        return NativeRows.list(QUERY, member, scores.halfLifeSeconds(), limit).map(rows -> {
            List<Recommendation> items = new ArrayList<>();
            for (Object[] row : rows) {
                items.add(new Recommendation((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
                        number(row[10]), new Recommendation.Reasons(number(row[5]), count(row[6]), count(row[7]),
                        count(row[8]), count(row[9]))));
            }
            return new RecommendationList(items);
        });
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
