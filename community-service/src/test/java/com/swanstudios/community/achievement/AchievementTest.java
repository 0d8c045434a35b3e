package com.swanstudios.community.achievement;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.remove;
import static com.swanstudios.community.TestEvents.publishUser;
import static com.swanstudios.community.TestEvents.userState;
import static com.swanstudios.community.challenge.TestChallenges.challenge;
import static com.swanstudios.community.challenge.TestChallenges.joinChallenge;
import static com.swanstudios.community.challenge.TestChallenges.report;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.community.TestActivity;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Achievements earned once when their rule is met, and a user's activity on community.activity.v1, in order. */
@QuarkusTest
class AchievementTest {

    @Test
    void eachAchievementIsEarnedOnceEvenWhenItsRuleIsMetByConcurrentChangesAndTheActivityArrivesInOrder() {
        UUID trainer = TestEvents.knownUser("trainer", "active", true);
        UUID bo = TestEvents.member();
        String club = community(trainer, "public", "open");
        String other = community(trainer, "public", "open");
        join(bo, club).then().statusCode(201);
        List<String> challenges = List.of(challenge(trainer, club, "individual", 5, 2, 10),
                challenge(trainer, club, "individual", 5, 2, 10), challenge(trainer, club, "individual", 5, 2, 10));
        challenges.forEach(id -> joinChallenge(bo, id, null).then().statusCode(201));
        AtomicInteger next = new AtomicInteger();
        // three goals reached at once: "three completed" is judged after the other two, never by three that each see one
        assertThat(concurrently(3, () -> report(bo, challenges.get(next.getAndIncrement()), 7, "all").statusCode()))
                .containsOnly(200);
        report(bo, challenges.get(0), 7, "all").then().statusCode(200).body("repeated", equalTo(true));
        report(bo, challenges.get(0), 1, "more").then().statusCode(200).body("counted", equalTo(0));

        JsonPath mine = as(bo).get("/api/achievements/me").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getString("userId")).isEqualTo(bo.toString());
        assertThat(mine.getList("items.achievement")).containsExactly("first_community_joined", "first_challenge_joined",
                "first_challenge_completed", "three_challenges_completed");
        assertThat(mine.getList("items.tier")).containsExactly("bronze", "bronze", "silver", "gold");
        as(trainer).get("/api/achievements/users/" + bo).then().statusCode(200).body("items.achievement", equalTo(
                mine.getList("items.achievement")));
        as(trainer).get("/api/achievements/me").then().statusCode(200).body("items.achievement",
                equalTo(List.of("first_community_joined")));
        assertThat(TestSql.refusal("insert into achievement values ('" + bo + "', 'first_challenge_joined', 'bronze', now())"))
                .as("once, whatever writes").startsWith("23505");

        join(bo, other).then().statusCode(201);
        remove(bo, club, bo).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestActivity.records(bo.toString());
            List<String> types = TestActivity.types(records);
            assertThat(types).hasSize(10);
            assertThat(types.subList(0, 3)).containsExactly("member.joined", "achievement.earned", "achievement.earned");
            assertThat(types.subList(3, 8)).containsExactlyInAnyOrder("challenge.completed", "challenge.completed",
                    "challenge.completed", "achievement.earned", "achievement.earned");
            assertThat(types.subList(8, 10)).containsExactly("member.joined", "member.left");
            assertThat(TestActivity.versions(records)).as("one stream per user, each record newer than the last")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
            JsonPath joined = JsonPath.from(records.get(0).value());
            assertThat(joined.getString("communityId")).isEqualTo(club);
            assertThat(joined.getString("role")).isEqualTo("member");
            assertThat(records.stream().map(r -> JsonPath.from(r.value()).getString("achievement")).filter(a -> a != null))
                    .containsExactly("first_community_joined", "first_challenge_joined", "first_challenge_completed",
                            "three_challenges_completed");
            assertThat(records.stream().map(r -> JsonPath.from(r.value()).getString("challengeId")).filter(c -> c != null))
                    .containsExactlyInAnyOrderElementsOf(challenges);
            assertThat(JsonPath.from(records.get(9).value()).getString("communityId")).isEqualTo(club);
        });
        assertThat(TestActivity.types(TestActivity.records(trainer.toString())))
                .as("the founder joins as owner").startsWith("member.joined", "achievement.earned", "member.joined");
        assertThat(JsonPath.from(TestActivity.records(trainer.toString()).get(0).value()).getString("role")).isEqualTo("owner");

        publishUser(bo, 2, userState(bo, "Whoever", "user", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from achievement where user_id = '"
                + bo + "'") == 0);
        problem(as(trainer).get("/api/achievements/users/" + bo), 404, "not-found");
        problem(as(trainer).get("/api/achievements/users/" + UUID.randomUUID()), 404, "not-found");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestActivity.records(bo.toString());
            assertThat(TestActivity.types(records)).hasSize(11).endsWith("member.left");
            assertThat(JsonPath.from(records.get(10).value()).getString("communityId")).isEqualTo(other);
            assertThat(TestActivity.versions(records).get(10)).isEqualTo(11L);
        });
    }
}
