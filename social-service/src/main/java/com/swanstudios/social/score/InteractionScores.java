package com.swanstudios.social.score;

import com.swanstudios.platform.kit.persistence.NativeRows;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How close two users are by what they did towards each other (DOMAIN.md, Social: reactions, comments, shares and
 * mentions between them, decaying with time), for whoever ranks by it: recommendations, and the feed's relevant order.
 * <p>
 * Kept on write: each interaction adds its weight ({@link ScoreSettings}) to the score from its actor towards the other
 * user (interaction_score, V11), in the transaction of the interaction itself, so a score never counts what did not
 * commit. A score decays exponentially with a half-life: stored as {@code (score, as_of)}, it is worth
 * {@code score × 2^(−(t − as_of) / half-life)} at time {@code t} (SQL {@code interaction_decayed}); an update first decays
 * the stored score to now, then adds, then moves {@code as_of} to now, so no job ever has to age the table. Taking a
 * reaction back, or deleting a comment, takes nothing off: time does. Only what users do towards others counts.
 * <p>
 * Every method runs in the caller's session (and transaction); call them from a {@code @WithSession} or
 * {@code @WithTransaction} service method.
 */
@ApplicationScoped
public class InteractionScores {

    /** One interaction of the actor towards another user. */
    public record Toward(UUID other, Interaction kind) {
    }

    /** Rows locked in one order (by the other's id), so two interactions of one actor never wait for each other. */
    private static final String ADD = """
            insert into interaction_score (user_id, other_id, score, as_of)
            select $1::uuid, t.other, t.points, now() from unnest($2::uuid[], $3::float8[]) as t(other, points)
            where t.other <> $1 order by t.other
            on conflict (user_id, other_id) do update
                set score = interaction_decayed(interaction_score.score, interaction_score.as_of, $4, excluded.as_of)
                        + excluded.score,
                    as_of = greatest(interaction_score.as_of, excluded.as_of)
            returning other_id""";
    private static final String BETWEEN = """
            select case when user_id = $1 then other_id else user_id end,
                   sum(interaction_decayed(score, as_of, $3, now()))
            from interaction_score
            where user_id = $1 and other_id = any($2::uuid[]) or other_id = $1 and user_id = any($2::uuid[])
            group by 1""";

    private final ScoreSettings settings;

    public InteractionScores(ScoreSettings settings) {
        this.settings = settings;
    }

    /** The actor did this towards each of these users (themselves excepted). */
    public Uni<Void> record(UUID actor, Interaction kind, Collection<UUID> others) {
        return record(actor, others.stream().map(other -> new Toward(other, kind)).toList());
    }

    public Uni<Void> record(UUID actor, Interaction kind, UUID other) {
        return record(actor, List.of(new Toward(other, kind)));
    }

    /**
     * The actor did all of these, in one statement: one act counts once per user and kind (a reply to the post
     * author's own comment is one comment towards them), different kinds towards one user add up.
     */
    public Uni<Void> record(UUID actor, List<Toward> interactions) {
        Map<UUID, Double> points = new TreeMap<>();
        interactions.stream().distinct().filter(toward -> toward.other() != null && !toward.other().equals(actor))
                .forEach(toward -> points.merge(toward.other(), weight(toward.kind()), Double::sum));
        if (points.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return NativeRows.list(ADD, actor, points.keySet().toArray(UUID[]::new), points.values().toArray(Double[]::new),
                halfLifeSeconds()).replaceWithVoid();
    }

    /**
     * How close {@code user} is to each of {@code others}, now: the decayed scores of both directions added up (what
     * {@code user} did towards them and what they did towards {@code user}); 0 for those without any. One indexed
     * read however many others (a page of a feed's authors, say).
     */
    public Uni<Map<UUID, Double>> between(UUID user, Collection<UUID> others) {
        Map<UUID, Double> scores = new HashMap<>();
        others.forEach(other -> scores.put(other, 0.0));
        if (others.isEmpty()) {
            return Uni.createFrom().item(scores);
        }
        return NativeRows.list(BETWEEN, user, others.toArray(UUID[]::new), halfLifeSeconds()).map(rows -> {
            rows.forEach(row -> scores.put((UUID) row[0], ((Number) row[1]).doubleValue()));
            return scores;
        });
    }

    /** The half-life in seconds, as {@code interaction_decayed} takes it (for queries that rank by scores in SQL). */
    public double halfLifeSeconds() {
        return settings.halfLife().toMillis() / 1000.0;
    }

    private double weight(Interaction kind) {
        return switch (kind) {
            case REACTION -> settings.reaction();
            case COMMENT -> settings.comment();
            case SHARE -> settings.share();
            case MENTION -> settings.mention();
        };
    }
}
