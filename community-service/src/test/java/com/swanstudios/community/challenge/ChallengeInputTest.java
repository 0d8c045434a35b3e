package com.swanstudios.community.challenge;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.challenge.TestChallenges.challenge;
import static com.swanstudios.community.challenge.TestChallenges.joinChallenge;
import static com.swanstudios.community.challenge.TestChallenges.newChallenge;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a challenge, join or progress request may not be: each refusal a 4xx problem, and nothing written. */
@QuarkusTest
class ChallengeInputTest {

    @Test
    @SendsInvalidRequests("challenge and progress bodies that break the schema; ids that are not UUIDs; bad cursors")
    void aBadRequestIsRefusedAndChangesNothing() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        String club = community(trainer, "public", "open");
        String path = "/api/communities/" + club + "/challenges";
        String good = newChallenge("individual", 100, 1, 0, false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("broken JSON", "{\"title\":");
        bad.put("no title", good.replace("\"title\":\"Push-up month\",", ""));
        bad.put("unknown type", good.replace("\"individual\"", "\"duel\""));
        bad.put("unknown unit", good.replace("\"reps\"", "\"parsecs\""));
        bad.put("zero goal", good.replace("\"goal\":100", "\"goal\":0"));
        bad.put("goal too large", good.replace("\"goal\":100", "\"goal\":10000000000"));
        bad.put("negative points", good.replace("\"pointsPerUnit\":1", "\"pointsPerUnit\":-1"));
        bad.put("not a date", good.replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"soon\""));
        bad.put("ends before it starts", good.replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.minusDays(2) + "\""));
        bad.put("already over", good.replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"" + now.minusDays(3) + "\"")
                .replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.minusDays(1) + "\""));
        bad.put("longer than a year", good.replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.plusDays(400) + "\""));
        bad.forEach((what, body) -> {
            var response = as(trainer, "trainer").body(body).post(path);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.count("select count(*) from challenge where community_id = '" + club + "'")).isZero();

        String id = challenge(trainer, club, "individual", 100, 1, 0);
        problem(joinChallenge(trainer, id, "Red"), 400, "validation");
        joinChallenge(trainer, id, null).then().statusCode(201);
        Map<String, String> badReports = new LinkedHashMap<>();
        badReports.put("no amount", "{\"idempotencyKey\":\"a\"}");
        badReports.put("zero amount", "{\"amount\":0,\"idempotencyKey\":\"a\"}");
        badReports.put("negative amount", "{\"amount\":-5,\"idempotencyKey\":\"a\"}");
        badReports.put("no key", "{\"amount\":5}");
        badReports.put("key too long", "{\"amount\":5,\"idempotencyKey\":\"" + "k".repeat(65) + "\"}");
        badReports.put("key with spaces", "{\"amount\":5,\"idempotencyKey\":\"a b\"}");
        badReports.put("fractional amount", "{\"amount\":1.5,\"idempotencyKey\":\"a\"}");
        badReports.forEach((what, body) -> {
            var response = as(trainer).body(body).post("/api/challenges/" + id + "/progress");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.row("select progress from participant where challenge_id = '" + id + "'")).isEqualTo("0");
        assertThat(TestSql.count("select count(*) from progress_report where challenge_id = '" + id + "'")).isZero();

        problem(as(trainer).get("/api/challenges/not-a-uuid"), 404, "");
        problem(as(trainer).queryParam("cursor", "bad").get("/api/challenges/" + id + "/leaderboard"), 400, "validation");
        problem(as(trainer).queryParam("limit", 0).get("/api/challenges/" + id + "/leaderboard"), 400, "validation");
        problem(as(trainer).queryParam("limit", 500).get(path), 400, "validation");
        problem(as(trainer).get("/api/challenges/" + UUID.randomUUID() + "/leaderboard"), 404, "not-found");
    }
}
