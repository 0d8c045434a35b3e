package com.swanstudios.social.reaction;

import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.activity.SocialActivity;
import com.swanstudios.social.engagement.PostCounters;
import com.swanstudios.social.post.PostAccess;
import com.swanstudios.social.post.PostRules;
import com.swanstudios.social.score.Interaction;
import com.swanstudios.social.score.InteractionScores;
import com.swanstudios.social.user.KnownUser;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reactions' transactions. The post's turn is taken first ({@link PostAccess#openForEngagement}), so the caller's
 * reaction read next is the last one committed, and the counters move by exactly what replaced what. The primary key
 * (post, user) keeps it to one reaction per member and post whatever writes it. A first reaction to a post (not a
 * change of kind) counts towards the reactor's interaction score with its author and is announced (reaction.added).
 */
@ApplicationScoped
public class ReactionService {

    private static final String MINE = "select kind from reaction where post_id = $1 and user_id = $2";
    private static final String UPSERT = """
            insert into reaction (post_id, user_id, kind, created_at) values ($1, $2, $3, $4)
            on conflict (post_id, user_id) do update set kind = excluded.kind, created_at = excluded.created_at
            returning created_at""";
    private static final String DELETE = "delete from reaction where post_id = $1 and user_id = $2 returning kind";

    private final InteractionScores scores;
    private final SocialActivity activity;

    public ReactionService(InteractionScores scores, SocialActivity activity) {
        this.scores = scores;
        this.activity = activity;
    }

    @WithTransaction
    public Uni<ReactionView> react(Actor actor, UUID postId, String kind) {
        return PostAccess.openForEngagement(postId, actor)
                .call(() -> KnownUser.<KnownUser>findById(actor.id()).invoke(user -> PostRules.requireMayPublish(user, actor.id())))
                .chain(post -> NativeRows.list(MINE, postId, actor.id()).chain(rows -> {
                    String before = rows.isEmpty() ? null : (String) rows.get(0)[0];
                    if (kind.equals(before)) {
                        return NativeRows.<Object>value("select created_at from reaction where post_id = $1 and user_id = $2",
                                postId, actor.id()).map(at -> new ReactionView(postId, actor.id(), kind, time(at)));
                    }
                    Map<String, Integer> deltas = new HashMap<>();
                    deltas.put(PostCounters.reaction(kind), 1);
                    if (before != null) {
                        deltas.put(PostCounters.reaction(before), -1);
                    }
                    return NativeRows.<Object>value(UPSERT, postId, actor.id(), kind, OffsetDateTime.now(ZoneOffset.UTC))
                            .call(() -> PostCounters.add(postId, deltas))
                            .call(() -> before != null ? Uni.createFrom().voidItem()
                                    : scores.record(actor.id(), Interaction.REACTION, post.authorId)
                                            .chain(() -> activity.reactionAdded(post, actor.id(), kind)))
                            .map(at -> new ReactionView(postId, actor.id(), kind, time(at)));
                }));
    }

    @WithTransaction
    public Uni<Void> remove(Actor actor, UUID postId) {
        return PostAccess.openForEngagement(postId, actor)
                .chain(() -> NativeRows.list(DELETE, postId, actor.id()))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : PostCounters.add(postId, PostCounters.reaction((String) rows.get(0)[0]), -1));
    }

    static OffsetDateTime time(Object value) {
        return value instanceof OffsetDateTime time ? time
                : value instanceof java.time.LocalDateTime local ? local.atOffset(ZoneOffset.UTC) : null;
    }
}
