package com.swanstudios.social.engagement;

import com.swanstudios.platform.kit.persistence.NativeRows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A post's counters (post_stats, V6__engagement.sql), in the caller's transaction. A writer of a post's reactions,
 * comments, shares or views calls {@link #lock} before it touches those rows and {@link #add} with what it wrote:
 * writers of one post then take their turn on its counter row, so each reads the rows as the last one left them and
 * no increment is lost; a reader gets every count in one primary-key read.
 */
public final class PostCounters {

    public static final String COMMENTS = "comments";
    public static final String SHARES = "shares";
    public static final String VIEWS = "views";
    /** The reaction kinds, each counted in a column of its own. */
    public static final List<String> REACTIONS = List.of("like", "love", "fire", "strong", "clap");

    private static final String CREATE = "insert into post_stats (post_id) values (?1)";
    private static final String LOCK = "select post_id from post_stats where post_id = $1 for update";
    private static final String READ = """
            select reactions_like, reactions_love, reactions_fire, reactions_strong, reactions_clap, comments, shares, views
            from post_stats where post_id = $1""";

    private PostCounters() {
    }

    /** A new post's counters, all zero. */
    public static Uni<Void> created(UUID post) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CREATE).setParameter(1, post).executeUpdate())
                .replaceWithVoid();
    }

    /** Takes the post's turn: until the transaction ends, no other writer changes its engagement. */
    public static Uni<Void> lock(UUID post) {
        return NativeRows.list(LOCK, post).replaceWithVoid();
    }

    /** The column of a reaction kind. */
    public static String reaction(String kind) {
        if (!REACTIONS.contains(kind)) {
            throw new IllegalArgumentException("Not a reaction kind: " + kind);
        }
        return "reactions_" + kind;
    }

    /** Moves these counters (columns named here, by {@link #reaction} or the constants) by these amounts. */
    public static Uni<Void> add(UUID post, Map<String, Integer> deltas) {
        Map<String, Integer> moved = deltas.entrySet().stream().filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (moved.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String set = moved.entrySet().stream().map(e -> known(e.getKey()) + " = " + e.getKey() + " + (" + e.getValue() + ")")
                .sorted().collect(Collectors.joining(", "));
        return Panache.getSession().chain(session -> session.createNativeQuery("update post_stats set " + set
                + " where post_id = ?1").setParameter(1, post).executeUpdate()).replaceWithVoid();
    }

    public static Uni<Void> add(UUID post, String counter, int delta) {
        return add(post, Map.of(counter, delta));
    }

    /** The post's counts; all zero for a post without counters. */
    public static Uni<Engagement> of(UUID post) {
        return NativeRows.list(READ, post).map(rows -> {
            Object[] row = rows.isEmpty() ? new Object[] {0, 0, 0, 0, 0, 0, 0, 0L} : rows.get(0);
            Engagement.Reactions reactions = new Engagement.Reactions(count(row[0]), count(row[1]), count(row[2]),
                    count(row[3]), count(row[4]));
            return new Engagement(post, reactions, count(row[5]), count(row[6]), ((Number) row[7]).longValue());
        });
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }

    private static String known(String column) {
        if (!column.equals(COMMENTS) && !column.equals(SHARES) && !column.equals(VIEWS)
                && !(column.startsWith("reactions_") && REACTIONS.contains(column.substring("reactions_".length())))) {
            throw new IllegalArgumentException("Not a counter: " + column);
        }
        return column;
    }
}
