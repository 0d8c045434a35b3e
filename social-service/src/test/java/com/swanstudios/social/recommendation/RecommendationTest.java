package com.swanstudios.social.recommendation;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connect;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.react;
import static com.swanstudios.social.TestEvents.JOINED;
import static com.swanstudios.social.TestEvents.membership;
import static com.swanstudios.social.TestEvents.publishUser;
import static com.swanstudios.social.TestEvents.userState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whom a member is recommended: ranked by interactions and shared interests, without those they must not see. */
@QuarkusTest
class RecommendationTest {

    @Test
    void membersRankByInteractionsAndSharedHashtagsWorkoutsCommunitiesAndFollows() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        String other = "tog" + UUID.randomUUID().toString().substring(0, 8);
        String exercise = "Exercise " + UUID.randomUUID().toString().substring(0, 8);
        UUID community = UUID.randomUUID();
        UUID me = TestEvents.member();
        UUID close = TestEvents.member();
        UUID tagMate = TestEvents.member();
        UUID fellow = TestEvents.member();
        UUID gymMate = TestEvents.member();
        UUID followedByMyFollow = TestEvents.member();
        UUID myFollow = TestEvents.member();

        String theirs = publish(close, "Morning run", "public");
        react(me, theirs, "fire").then().statusCode(200);
        comment(me, theirs, "Nice pace", null).then().statusCode(201);
        as(me).body("{}").post("/api/social/posts/" + theirs + "/shares").then().statusCode(201);
        publish(me, "Training #" + tag + " #" + other, "private");
        publish(tagMate, "Also #" + tag.toUpperCase() + " and #" + other, "public");
        workout(me, exercise, "private");
        workout(gymMate, exercise.toLowerCase(), "public");
        connected(me, myFollow, "follow");
        connected(myFollow, followedByMyFollow, "follow");
        join(community, me, fellow);

        JsonPath found = recommendations(me, 50);
        List<String> mine = found.<String>getList("items.id").stream()
                .filter(List.of(close, tagMate, fellow, gymMate, followedByMyFollow).stream().map(UUID::toString).toList()::contains)
                .toList();
        assertThat(mine).as("share+comment+reaction 6, two hashtags 4, a community 3, an exercise 2, a follow's follow 1.5")
                .containsExactly(close.toString(), tagMate.toString(), fellow.toString(), gymMate.toString(),
                        followedByMyFollow.toString());
        Map<String, Object> top = item(found, close);
        assertThat(((Number) top.get("score")).doubleValue()).isBetween(5.99, 6.01);
        assertThat(reasons(found, tagMate)).containsEntry("sharedHashtags", 2);
        assertThat(reasons(found, fellow)).containsEntry("sharedCommunities", 1);
        assertThat(reasons(found, gymMate)).containsEntry("sharedWorkoutTypes", 1);
        assertThat(reasons(found, followedByMyFollow)).containsEntry("followedByYourConnections", 1);
        assertThat(found.<String>getList("items.id")).as("never oneself, nor whom one follows already")
                .doesNotContain(me.toString(), myFollow.toString());
        assertThat(recommendations(me, 1).<String>getList("items.id")).containsExactly(close.toString());
    }

    @Test
    void connectedBlockedInactiveAndUndiscoverableMembersAreNeverRecommended() {
        UUID community = UUID.randomUUID();
        UUID me = TestEvents.member();
        UUID visible = TestEvents.member();
        UUID followed = TestEvents.member();
        UUID asked = TestEvents.member();
        UUID blocker = TestEvents.member();
        UUID blocked = TestEvents.member();
        UUID suspended = TestEvents.member();
        UUID optedOut = TestEvents.member();
        UUID deleted = TestEvents.member();
        join(community, me, visible, followed, asked, blocker, blocked, suspended, optedOut, deleted);
        connected(me, followed, "follow");
        connect(me, asked, "friend").then().statusCode(201);
        answer(blocker, connected(blocker, me, "follow"), "blocked").then().statusCode(200);
        answer(me, connected(blocked, me, "follow"), "blocked").then().statusCode(200);
        publishUser(suspended, 2, userState(suspended, "Suspended", "suspended", true, 2));
        publishUser(optedOut, 2, userState(optedOut, "Private person", "active", true, 2)
                .replace("\"discoverable\":true", "\"discoverable\":false"));
        publishUser(deleted, 2, userState(deleted, "Whoever", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from known_user where id in ('"
                + suspended + "', '" + optedOut + "', '" + deleted + "') and version = 2") == 3);

        List<String> ids = recommendations(me, 50).getList("items.id");
        assertThat(ids).contains(visible.toString()).doesNotContain(me.toString(), followed.toString(), asked.toString(),
                blocker.toString(), blocked.toString(), suspended.toString(), optedOut.toString(), deleted.toString());
        assertThat(TestSql.count("select count(*) from community_member where user_id = '" + deleted + "'"))
                .as("a deleted member's memberships are erased").isZero();
        assertThat(recommendations(visible, 50).<String>getList("items.id"))
                .as("to another member: those the block was not about, but still nobody inactive or opted out")
                .contains(me.toString(), blocker.toString(), blocked.toString())
                .doesNotContain(suspended.toString(), optedOut.toString(), deleted.toString());
    }

    @Test
    @SendsInvalidRequests("limits out of range")
    void aLimitOutOfRangeIsRefused() {
        UUID me = TestEvents.member();
        problem(as(me).queryParam("limit", 0).get("/api/social/connections/recommendations"), 400, "validation");
        problem(as(me).queryParam("limit", 51).get("/api/social/connections/recommendations"), 400, "validation");
        io.restassured.RestAssured.given().get("/api/social/connections/recommendations").then().statusCode(401);
    }

    /** These members joined the community (community.activity.v1), once social-service has applied it. */
    static void join(UUID community, UUID... members) {
        for (UUID member : members) {
            membership(JOINED, member, community, OffsetDateTime.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from community_member where "
                + "community_id = '" + community + "' and left_at is null") == members.length);
    }

    static void workout(UUID author, String exercise, String visibility) {
        as(author).body("{\"type\":\"workout\",\"content\":\"Done\",\"workout\":{\"exercise\":\"" + exercise + "\"},"
                + "\"visibility\":\"" + visibility + "\"}").post("/api/social/posts").then().statusCode(201);
    }

    static JsonPath recommendations(UUID member, int limit) {
        return as(member).queryParam("limit", limit).get("/api/social/connections/recommendations").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> item(JsonPath found, UUID member) {
        List<Map<String, Object>> items = found.getList("items");
        return items.stream().filter(i -> member.toString().equals(i.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> reasons(JsonPath found, UUID member) {
        return (Map<String, Object>) item(found, member).get("reasons");
    }
}
