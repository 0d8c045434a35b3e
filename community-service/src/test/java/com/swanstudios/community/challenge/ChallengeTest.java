package com.swanstudios.community.challenge;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.challenge.TestChallenges.challenge;
import static com.swanstudios.community.challenge.TestChallenges.joinChallenge;
import static com.swanstudios.community.challenge.TestChallenges.newChallenge;
import static com.swanstudios.community.challenge.TestChallenges.report;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Challenges: who creates them, who joins, and how progress and points count, through the API. */
@QuarkusTest
class ChallengeTest {

    @Test
    void onlyTrainersAndAdminsWhoAreMembersCreateChallengesAndTheStatusFollowsTheDates() {
        UUID owner = TestEvents.member();
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID admin = TestEvents.knownUser("admin", "active", true);
        UUID outsideTrainer = TestEvents.knownUser("trainer", "active", true);
        String club = community(owner, "public", "open");
        join(trainer, club).then().statusCode(201);
        join(admin, club).then().statusCode(201);
        String path = "/api/communities/" + club + "/challenges";

        problem(as(owner).body(newChallenge("individual", 100, 1, 0, false)).post(path), 403, "forbidden");
        problem(as(outsideTrainer, "trainer").body(newChallenge("individual", 100, 1, 0, false)).post(path), 403, "forbidden");
        assertThat(TestSql.count("select count(*) from challenge where community_id = '" + club + "'")).isZero();

        String active = as(trainer, "trainer").body(newChallenge("individual", 100, 2, 50, false)).post(path).then()
                .statusCode(201).body("status", equalTo("active")).body("createdBy", equalTo(trainer.toString()))
                .body("goal", equalTo(100)).body("pointsPerUnit", equalTo(2)).extract().path("id");
        String upcoming = as(admin, "admin").body(newChallenge("global", 10, 1, 0, true)).post(path).then().statusCode(201)
                .body("status", equalTo("upcoming")).extract().path("id");
        as(owner).get("/api/challenges/" + active).then().statusCode(200).body("title", equalTo("Push-up month"));
        as(owner).get(path).then().statusCode(200).body("items.id", equalTo(List.of(upcoming, active)));
        TestSql.row("update challenge set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' "
                + "where id = '" + active + "' returning id");
        as(owner).get("/api/challenges/" + active).then().statusCode(200).body("status", equalTo("completed"));
        problem(joinChallenge(owner, active, null), 409, "challenge-ended");
        problem(as(owner).get("/api/challenges/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void progressCountsOncePerKeyAndNeverBeyondTheGoal() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID athlete = TestEvents.member();
        String club = community(trainer, "public", "open");
        join(athlete, club).then().statusCode(201);
        String id = challenge(trainer, club, "individual", 100, 2, 50);
        problem(report(athlete, id, 5, "early"), 409, "not-participant");
        joinChallenge(athlete, id, null).then().statusCode(201).body("progress", equalTo(0)).body("teamId", nullValue());
        problem(joinChallenge(athlete, id, null), 409, "already-participant");

        report(athlete, id, 30, "day-1").then().statusCode(200).body("counted", equalTo(30)).body("repeated", equalTo(false))
                .body("progress", equalTo(30)).body("points", equalTo(60)).body("completedAt", nullValue());
        report(athlete, id, 30, "day-1").then().statusCode(200).body("counted", equalTo(30)).body("repeated", equalTo(true))
                .body("progress", equalTo(30)).body("points", equalTo(60));
        problem(report(athlete, id, 31, "day-1"), 422, "idempotency-key-reused");
        report(athlete, id, 100, "day-2").then().statusCode(200).body("counted", equalTo(70))
                .body("progress", equalTo(100)).body("points", equalTo(250)).body("completedAt", notNullValue());
        report(athlete, id, 5, "day-3").then().statusCode(200).body("counted", equalTo(0)).body("progress", equalTo(100))
                .body("points", equalTo(250));
        assertThat(TestSql.row("select progress, points from participant where challenge_id = '" + id + "'"
                + " and user_id = '" + athlete + "'")).isEqualTo("100|250");
    }

    @Test
    void progressCountsOnlyWhileTheChallengeIsActive() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID athlete = TestEvents.member();
        String club = community(trainer, "public", "open");
        join(athlete, club).then().statusCode(201);
        String later = as(trainer, "trainer").body(newChallenge("individual", 100, 1, 0, true))
                .post("/api/communities/" + club + "/challenges").then().statusCode(201).extract().path("id");
        joinChallenge(athlete, later, null).then().statusCode(201);
        problem(report(athlete, later, 5, "too-soon"), 409, "challenge-not-active");
        assertThat(TestSql.count("select count(*) from progress_report where challenge_id = '" + later + "'")).isZero();

        String ended = challenge(trainer, club, "individual", 100, 1, 0);
        joinChallenge(athlete, ended, null).then().statusCode(201);
        TestSql.row("update challenge set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' "
                + "where id = '" + ended + "' returning id");
        problem(report(athlete, ended, 5, "too-late"), 409, "challenge-not-active");
        assertThat(TestSql.row("select progress from participant where challenge_id = '" + ended + "'")).isEqualTo("0");
    }

    @Test
    void twentyConcurrentReportsOfOneParticipantAllCountAndARepeatedKeyCountsOnce() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        String club = community(trainer, "public", "open");
        String id = challenge(trainer, club, "individual", 1000, 1, 0);
        joinChallenge(trainer, id, null).then().statusCode(201);
        AtomicInteger key = new AtomicInteger();
        List<Integer> statuses = concurrently(20, () -> report(trainer, id, 3, "r-" + key.getAndIncrement()).statusCode());
        assertThat(statuses).containsOnly(200);
        List<Integer> same = concurrently(8, () -> report(trainer, id, 7, "same").statusCode());
        assertThat(same).containsOnly(200);
        assertThat(TestSql.row("select progress, points from participant where challenge_id = '" + id + "'"))
                .isEqualTo("67|67");
        assertThat(TestSql.count("select count(*) from progress_report where challenge_id = '" + id + "'")).isEqualTo(21);
    }

    @Test
    void aPrivateCommunitysChallengesAreForMembersButAGlobalOneIsOpenToAll() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID member = TestEvents.member();
        UUID outsider = TestEvents.member();
        String club = community(trainer, "private", "open");
        join(member, club).then().statusCode(201);
        String inside = challenge(trainer, club, "individual", 10, 1, 0);
        String global = challenge(trainer, club, "global", 10, 1, 0);
        problem(as(outsider).get("/api/challenges/" + inside), 404, "not-found");
        problem(joinChallenge(outsider, inside, null), 404, "not-found");
        as(outsider).get("/api/communities/" + club + "/challenges").then().statusCode(200)
                .body("items.id", equalTo(List.of(global)));
        as(member).get("/api/communities/" + club + "/challenges").then().statusCode(200)
                .body("items.id", equalTo(List.of(global, inside)));
        joinChallenge(outsider, global, null).then().statusCode(201);
        joinChallenge(member, inside, null).then().statusCode(201);

        String open = community(trainer, "public", "open");
        String forMembers = challenge(trainer, open, "individual", 10, 1, 0);
        problem(joinChallenge(outsider, forMembers, null), 403, "members-only");
    }
}
