package com.swanstudios.community.challenge;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.persistence.NativeRows;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A challenge's leaderboard: participants (teams, in a team challenge) by points, ties to whoever reached them first
 * (then by id, so that the order is total). A page is one range of the leaderboard index (challenge, -points,
 * reached_at, id), starting after the cursor's row. A rank is how many rows come before, plus one, read from the
 * board's tree of counts (V5__leaderboard_counts.sql, kept by triggers in the writers' transactions): at most 255
 * cells on each of 13 levels, and the few rows of the same points within the same 256 ms, so it costs the same for
 * the last of 100,000 as for the first (counting the rows ahead took 20 to 60 ms for the last of 100,000).
 */
@ApplicationScoped
public class Leaderboard {

    /** What a board reads from: rows with names ({@code from}), the bare table ({@code table}), the id and name columns. */
    private record Board(String from, String table, String id, String name, int kind) {

        String sql(String template) {
            return template.formatted(id, name, from, table, kind);
        }
    }

    private static final Board PEOPLE = new Board("participant p left join known_user u on u.id = p.user_id", "participant p", "p.user_id",
            "coalesce(u.display_name, 'Unknown user')", 0);
    private static final Board TEAMS = new Board("challenge_team p", "challenge_team p", "p.id", "p.name", 1);
    /** The leaderboard's order, the index's columns after the challenge. */
    private static final String ORDER = "p.neg_points, p.reached_at, %1$s";
    private static final String FIRST = "select %1$s, %2$s, p.points from %3$s where p.challenge_id = $1 order by "
            + ORDER + " limit $2";
    private static final String AFTER = "select %1$s, %2$s, p.points from %3$s where p.challenge_id = $1 and (" + ORDER
            + ") > (select " + ORDER + " from %4$s where p.challenge_id = $1 and %1$s = $3) order by " + ORDER + " limit $2";
    /**
     * The rows before one: on each level of the tree, the cells under the same parent that sort before the row's
     * (levels 1 to 5: same inv, smaller b; 6 to 13: b = 0, smaller a), then the rows that share its level-1 cell (same
     * points, same 256 ms) and come before it. 0 for no such row.
     */
    private static final String AHEAD = """
            with me as (select 9223372036854775807 - p.points inv, leaderboard_tick(p.reached_at) t, p.neg_points,
                               p.reached_at, %1$s id from %4$s where p.challenge_id = $1 and %1$s = $2)
            select coalesce((select ((select coalesce(sum(cells.n), 0) from generate_series(1, 13) l,
                    lateral (select case when l <= 5 then me.t >> (8 * l) else me.inv >> (8 * (l - 6)) end as x) lv,
                    lateral (select coalesce(sum(c.n), 0) n from leaderboard_count c
                             where c.challenge_id = $1 and c.kind = %5$s and c.level = l
                               and c.a between (case when l <= 5 then me.inv else (lv.x >> 8) << 8 end)
                                           and (case when l <= 5 then me.inv else lv.x - 1 end)
                               and c.b between (case when l <= 5 then (lv.x >> 8) << 8 else 0 end)
                                           and (case when l <= 5 then lv.x - 1 else 0 end)) cells)
                + (select count(*) from %4$s where p.challenge_id = $1 and p.neg_points = me.neg_points
                      and p.reached_at >= date_bin('256 milliseconds', me.reached_at, timestamptz 'epoch')
                      and (p.reached_at, %1$s) < (me.reached_at, me.id)))::bigint from me), 0)""";
    private static final String ROW = "select %1$s, %2$s, p.points from %3$s where p.challenge_id = $1 and %1$s = $2";
    private static final String OWN_TEAM = "select team_id from participant where challenge_id = $1 and user_id = $2";

    @WithSession
    public Uni<LeaderboardView> read(UUID viewer, UUID challengeId, UUID after, int limit) {
        return ChallengeService.visible(viewer, challengeId).chain(challenge -> {
            Board board = Challenge.TEAM.equals(challenge.type) ? TEAMS : PEOPLE;
            Uni<List<Object[]>> rows = after == null ? NativeRows.list(board.sql(FIRST), challengeId, limit + 1)
                    : NativeRows.list(board.sql(AFTER), challengeId, limit + 1, after);
            Uni<Long> firstRank = after == null ? Uni.createFrom().item(1L) : rank(board, challengeId, after).map(r -> r + 2);
            Uni<UUID> mine = board == TEAMS ? NativeRows.list(OWN_TEAM, challengeId, viewer)
                    .map(found -> found.isEmpty() ? null : (UUID) found.get(0)[0]) : Uni.createFrom().item(viewer);
            return rows.chain(found -> firstRank.chain(first -> mine.chain(own -> me(board, challengeId, own, found, first, limit)
                    .map(me -> {
                        IdCursor.Slice<Object[]> page = IdCursor.slice(found, limit, row -> (UUID) row[0]);
                        List<LeaderboardView.Entry> items = new ArrayList<>();
                        for (int i = 0; i < page.items().size(); i++) {
                            items.add(entry(page.items().get(i), first + i));
                        }
                        return new LeaderboardView(items, page.nextCursor(), me);
                    }))));
        });
    }

    /** The caller's entry: from the page when it is there, else its own rank and row. */
    private static Uni<LeaderboardView.Entry> me(Board board, UUID challengeId, UUID own, List<Object[]> page,
            long first, int limit) {
        if (own == null) {
            return Uni.createFrom().nullItem();
        }
        for (int i = 0; i < Math.min(limit, page.size()); i++) {
            if (own.equals(page.get(i)[0])) {
                return Uni.createFrom().item(entry(page.get(i), first + i));
            }
        }
        return NativeRows.list(board.sql(ROW), challengeId, own).chain(found -> found.isEmpty() ? Uni.createFrom().nullItem()
                : rank(board, challengeId, own).map(ahead -> entry(found.get(0), ahead + 1)));
    }

    /** How many rows rank before this one. */
    private static Uni<Long> rank(Board board, UUID challengeId, UUID id) {
        return NativeRows.<Long>value(board.sql(AHEAD), challengeId, id);
    }

    private static LeaderboardView.Entry entry(Object[] row, long rank) {
        return new LeaderboardView.Entry(rank, (UUID) row[0], (String) row[1], (Long) row[2]);
    }
}
