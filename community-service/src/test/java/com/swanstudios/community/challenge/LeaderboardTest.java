package com.swanstudios.community.challenge;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestEvents.publishUser;
import static com.swanstudios.community.challenge.TestChallenges.challenge;
import static com.swanstudios.community.challenge.TestChallenges.joinChallenge;
import static com.swanstudios.community.challenge.TestChallenges.report;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Leaderboards: ranks by points, ties to who got there first, the caller's own rank, teams, erasure. */
@QuarkusTest
class LeaderboardTest {

    @Test
    void equalPointsRankByWhoReachedThemFirstAndTheCallerSeesTheirOwnRankAnywhere() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        List<UUID> users = TestEvents.members(4);
        UUID first = users.get(0);
        UUID second = users.get(1);
        UUID top = users.get(2);
        UUID idle = users.get(3);
        String club = community(trainer, "public", "open");
        users.forEach(user -> join(user, club).then().statusCode(201));
        String id = challenge(trainer, club, "individual", 100, 1, 0);
        // joined in the reverse order of the reports: what counts is when the points were reached, not when one joined
        List.of(idle, top, second, first).forEach(user -> joinChallenge(user, id, null).then().statusCode(201));
        report(first, id, 10, "a").then().statusCode(200);
        report(second, id, 10, "a").then().statusCode(200);
        report(top, id, 5, "a").then().statusCode(200);
        report(top, id, 15, "b").then().statusCode(200);
        report(first, id, 10, "a").then().statusCode(200); // a repeat: no new moment for the tie-break

        JsonPath page = as(second).queryParam("limit", 2).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(top.toString(), first.toString());
        assertThat(page.getList("items.rank", Integer.class)).containsExactly(1, 2);
        assertThat(page.getList("items.points", Integer.class)).containsExactly(20, 10);
        assertThat(page.getString("me.id")).isEqualTo(second.toString());
        assertThat(page.getInt("me.rank")).as("their own rank, off the page").isEqualTo(3);

        JsonPath next = as(idle).queryParam("limit", 2).queryParam("cursor", page.getString("nextCursor"))
                .get("/api/challenges/" + id + "/leaderboard").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("items.id")).containsExactly(second.toString(), idle.toString());
        assertThat(next.getList("items.rank", Integer.class)).containsExactly(3, 4);
        assertThat(next.getString("nextCursor")).isNull();
        assertThat(next.getInt("me.rank")).isEqualTo(4);
        as(trainer).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200).body("me", nullValue())
                .body("items.size()", equalTo(4));
    }

    @Test
    void concurrentReportsLeaveTheLeaderboardEqualToTheReports() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        List<UUID> users = TestEvents.members(10);
        String club = community(trainer, "public", "open");
        users.forEach(user -> join(user, club).then().statusCode(201));
        String id = challenge(trainer, club, "individual", 1000, 2, 0);
        users.forEach(user -> joinChallenge(user, id, null).then().statusCode(201));
        AtomicInteger call = new AtomicInteger();
        List<Integer> statuses = concurrently(30, () -> {
            int n = call.getAndIncrement();
            return report(users.get(n % 10), id, n % 10 + 1, "k" + n).statusCode();
        });
        assertThat(statuses).containsOnly(200);
        List<Integer> points = as(trainer).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200).extract()
                .jsonPath().getList("items.points", Integer.class);
        assertThat(points).containsExactly(60, 54, 48, 42, 36, 30, 24, 18, 12, 6);
        // each caller's own rank (read from the tree of counts) is their place in that order: user n%10 scored 6·(n%10+1)
        for (int i = 0; i < 10; i++) {
            as(users.get(i)).queryParam("limit", 1).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200)
                    .body("me.rank", equalTo(10 - i)).body("me.points", equalTo(6 * (i + 1)));
        }
        assertThat(countsOffBy(id, "participant", 0)).as("the counts equal a recount of the rows").isZero();
    }

    /** Cells of the board's tree of counts that differ from a recount of its rows: 0 when the triggers kept it right. */
    static long countsOffBy(String challenge, String table, int kind) {
        String cells = "case when l <= 5 then 9223372036854775807 - points else (9223372036854775807 - points) >> (8 * (l - 6)) end, "
                + "case when l <= 5 then leaderboard_tick(reached_at) >> (8 * l) else 0 end";
        return TestSql.count("select count(*) from (select level, a, b, n from leaderboard_count where challenge_id = '"
                + challenge + "' and kind = " + kind + ") x full join (select l, " + cells + ", count(*) n from " + table
                + ", generate_series(1, 13) l where challenge_id = '" + challenge + "' group by 1, 2, 3) y(l, a, b, n) "
                + "on x.level = y.l and x.a = y.a and x.b = y.b where x.n is distinct from y.n");
    }

    @Test
    void aTeamChallengeRanksTeamsByTheirMembersPointsAndAnErasedMembersPointsLeaveIt() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        List<UUID> users = TestEvents.members(4);
        String club = community(trainer, "public", "open");
        users.forEach(user -> join(user, club).then().statusCode(201));
        String id = challenge(trainer, club, "team", 100, 1, 0);
        problem(joinChallenge(users.get(0), id, null), 400, "validation");
        String red = joinChallenge(users.get(0), id, "Red").then().statusCode(201).body("teamName", equalTo("Red"))
                .extract().path("teamId");
        joinChallenge(users.get(1), id, "red").then().statusCode(201).body("teamId", equalTo(red));
        String blue = joinChallenge(users.get(2), id, "Blue").then().statusCode(201).extract().path("teamId");
        joinChallenge(users.get(3), id, "Blue").then().statusCode(201);
        report(users.get(0), id, 10, "a").then().statusCode(200);
        report(users.get(1), id, 15, "a").then().statusCode(200);
        report(users.get(2), id, 20, "a").then().statusCode(200);
        report(users.get(3), id, 1, "a").then().statusCode(200);

        as(users.get(2)).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200)
                .body("items.id", equalTo(List.of(red, blue))).body("items.points", equalTo(List.of(25, 21)))
                .body("items.name", equalTo(List.of("Red", "Blue"))).body("me.id", equalTo(blue)).body("me.rank", equalTo(2));

        publishUser(users.get(1), 2, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from participant where user_id = '"
                + users.get(1) + "'") == 0);
        as(users.get(0)).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200)
                .body("items.id", equalTo(List.of(blue, red))).body("items.points", equalTo(List.of(21, 10)))
                .body("me.rank", equalTo(2));
        assertThat(countsOffBy(id, "challenge_team", 1)).isZero();
        assertThat(countsOffBy(id, "participant", 0)).isZero();
    }

    @Test
    void aCommunityThatGoesWithItsLastMemberTakesItsLeaderboardsCountsWithIt() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID stranger = TestEvents.member();
        String club = community(trainer, "private", "invite_only");
        String id = challenge(trainer, club, "global", 100, 1, 0);
        joinChallenge(stranger, id, null).then().statusCode(201); // global: no membership needed
        report(stranger, id, 5, "a").then().statusCode(200);
        assertThat(TestSql.count("select count(*) from leaderboard_count where challenge_id = '" + id + "'")).isPositive();

        publishUser(trainer, 2, null); // the only member: the community, its challenge and its participants go
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from community where id = '" + club
                + "'") == 0);
        assertThat(TestSql.count("select count(*) from leaderboard_count where challenge_id = '" + id + "'")).isZero();
        assertThat(TestSql.count("select count(*) from participant where challenge_id = '" + id + "'")).isZero();
    }

    @Test
    void atAHundredThousandParticipantsAPageReadsTheLeaderboardIndexAndTheLastCallersRankIsRight() {
        // seeded by bulk SQL, as the benchmark does: the triggers count the rows in the seeding statement
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        String club = community(trainer, "public", "open");
        String id = challenge(trainer, club, "global", 1_000_000, 1, 0);
        TestSql.row("with seeded as (insert into participant (challenge_id, user_id, progress, points, reached_at, joined_at) "
                + "select '" + id + "', gen_random_uuid(), g, g, now() - g * interval '1 ms', now() "
                + "from generate_series(1, 100000) g returning 1) select count(*) from seeded");
        UUID last = TestEvents.member();
        joinChallenge(last, id, null).then().statusCode(201);
        long indexScans = indexScans();

        as(last).queryParam("limit", 3).get("/api/challenges/" + id + "/leaderboard").then().statusCode(200)
                .body("items.points", equalTo(List.of(100000, 99999, 99998))).body("items.rank", equalTo(List.of(1, 2, 3)))
                .body("me.rank", equalTo(100001)).body("me.points", equalTo(0));
        assertThat(countsOffBy(id, "participant", 0)).isZero();
        // the page is the first rows of the index, no sort (statistics arrive within seconds of the reads); the rank
        // is read from the tree of counts
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(indexScans()).isGreaterThan(indexScans));
    }

    /** How often the leaderboard index was read. */
    private static long indexScans() {
        return TestSql.count("select idx_scan from pg_stat_user_indexes where indexrelname = 'participant_leaderboard'");
    }
}
