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
 * (then by id, so that the order is total). Every read is one range of the leaderboard index (challenge, -points,
 * reached_at, id): a page starts after the cursor's row, and a rank is how many rows come before it, plus one.
 */
@ApplicationScoped
public class Leaderboard {

    /** What a board reads from: rows with names ({@code from}), the bare table ({@code table}), the id and name columns. */
    private record Board(String from, String table, String id, String name) {

        String sql(String template) {
            return template.formatted(id, name, from, table);
        }
    }

    private static final Board PEOPLE = new Board("participant p left join known_user u on u.id = p.user_id", "participant p", "p.user_id",
            "coalesce(u.display_name, 'Unknown user')");
    private static final Board TEAMS = new Board("challenge_team p", "challenge_team p", "p.id", "p.name");
    /** The leaderboard's order, the index's columns after the challenge. */
    private static final String ORDER = "p.neg_points, p.reached_at, %1$s";
    private static final String FIRST = "select %1$s, %2$s, p.points from %3$s where p.challenge_id = $1 order by "
            + ORDER + " limit $2";
    private static final String AFTER = "select %1$s, %2$s, p.points from %3$s where p.challenge_id = $1 and (" + ORDER
            + ") > (select " + ORDER + " from %4$s where p.challenge_id = $1 and %1$s = $3) order by " + ORDER + " limit $2";
    private static final String AHEAD = "select count(*) from %4$s where p.challenge_id = $1 and (" + ORDER + ") < (select "
            + ORDER + " from %4$s where p.challenge_id = $1 and %1$s = $2)";
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
