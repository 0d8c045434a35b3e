package com.swanstudios.social.connection;

import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.social.TestApi.connect;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestEvents.publishUser;
import static com.swanstudios.social.TestEvents.userState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestDatabase;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Follows, friendships, trainer–client links and blocks, through the API, against the real database. */
@QuarkusTest
class ConnectionTest {

    @Test
    void aFollowOfAPublicProfileIsAcceptedAtOnceAndListedBothWaysAPageAtATime() {
        UUID star = TestEvents.member();
        UUID first = TestEvents.member();
        UUID second = TestEvents.member();
        connect(first, star, "follow").then().statusCode(201).body("status", equalTo("accepted"))
                .body("requesterId", equalTo(first.toString())).body("targetUserId", equalTo(star.toString()));
        connect(second, star, "follow").then().statusCode(201).body("status", equalTo("accepted"));

        List<String> followers = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(first).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/social/users/" + star + "/followers").then().statusCode(200).extract().jsonPath();
            followers.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(followers).as("the most recent follower first").containsExactly(second.toString(), first.toString());
        assertThat(pages).isEqualTo(2);
        as(star).get("/api/social/users/" + first + "/following").then().statusCode(200)
                .body("items.id", equalTo(List.of(star.toString()))).body("items[0].connectedAt", org.hamcrest.Matchers.notNullValue())
                .body("nextCursor", nullValue());
        as(star).get("/api/social/users/" + star + "/following").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aPrivateProfileAndFriendAndTrainerRequestsWaitForTheTargetAlone() {
        UUID shy = TestEvents.member("user", "private");
        UUID fan = TestEvents.member();
        String follow = connect(fan, shy, "follow").then().statusCode(201).body("status", equalTo("pending")).extract().path("id");
        problem(as(fan).get("/api/social/users/" + shy + "/followers"), 403, "profile-private");
        problem(answer(fan, follow, "accepted"), 403, "forbidden");
        answer(shy, follow, "declined").then().statusCode(200).body("status", equalTo("declined"));
        answer(shy, follow, "accepted").then().statusCode(200).body("status", equalTo("accepted"));
        problem(answer(shy, follow, "declined"), 409, "connection-accepted");
        as(fan).get("/api/social/users/" + shy + "/followers").then().statusCode(200)
                .body("items.id", equalTo(List.of(fan.toString())));

        UUID pal = TestEvents.member();
        String friend = connect(fan, pal, "friend").then().statusCode(201).body("status", equalTo("pending")).extract().path("id");
        problem(connect(pal, fan, "friend"), 409, "connection-exists");
        problem(answer(fan, friend, "accepted"), 403, "forbidden");
        answer(pal, friend, "accepted").then().statusCode(200).body("status", equalTo("accepted"));

        UUID coach = TestEvents.member("trainer", "public");
        connect(coach, fan, "trainer_client").then().statusCode(201).body("status", equalTo("pending"));
        connect(pal, coach, "trainer_client").then().statusCode(201).body("status", equalTo("pending"));
        problem(answer(UUID.randomUUID(), friend, "blocked"), 404, "not-found");
        problem(as(UUID.randomUUID()).delete("/api/social/connections/" + friend), 404, "not-found");
        as(pal).delete("/api/social/connections/" + friend).then().statusCode(204);
        assertThat(TestSql.count("select count(*) from connection where id = '" + friend + "'")).isZero();
    }

    @Test
    void aProfileThatIsNotPublicShowsItsFollowersAndFollowingOnlyToItsCircle() {
        for (String visibility : List.of("followers", "private")) {
            UUID shy = TestEvents.member("user", visibility);
            UUID follower = TestEvents.member();
            UUID friend = TestEvents.member();
            UUID stranger = TestEvents.member();
            UUID pending = TestEvents.member();
            UUID followed = TestEvents.member();
            connected(follower, shy, "follow");
            connected(friend, shy, "friend");
            connect(pending, shy, "follow").then().statusCode(201).body("status", equalTo("pending"));
            connected(shy, followed, "follow");
            for (String list : List.of("followers", "following")) {
                String path = "/api/social/users/" + shy + "/" + list;
                for (UUID outsider : List.of(stranger, pending)) {
                    problem(as(outsider).get(path), 403, "profile-private");
                }
                for (UUID insider : List.of(shy, follower, friend)) {
                    as(insider).get(path).then().statusCode(200).body("items.size()", equalTo(1));
                }
                as(stranger, "admin").get(path).then().statusCode(200).body("items.size()", equalTo(1));
            }
        }
        UUID open = TestEvents.member();
        UUID fan = TestEvents.member();
        connected(fan, open, "follow");
        as(TestEvents.member()).get("/api/social/users/" + open + "/followers").then().statusCode(200)
                .body("items.id", equalTo(List.of(fan.toString())));
    }

    @Test
    void theRulesOfWhoMayConnectWithWhomRefuseAndWriteNothing() {
        UUID me = TestEvents.member();
        UUID other = TestEvents.member();
        UUID coach = TestEvents.member("trainer", "public");
        UUID otherCoach = TestEvents.member("trainer", "public");
        UUID suspended = TestEvents.knownUser("suspended", true);
        problem(connect(me, me, "follow"), 400, "validation");
        problem(connect(me, UUID.randomUUID(), "follow"), 404, "not-found");
        problem(connect(me, suspended, "friend"), 409, "target-inactive");
        problem(connect(suspended, me, "follow"), 403, "account-inactive");
        problem(connect(UUID.randomUUID(), me, "follow"), 409, "requester-unknown");
        problem(connect(me, other, "trainer_client"), 422, "trainer-client-roles");
        problem(connect(coach, otherCoach, "trainer_client"), 422, "trainer-client-roles");
        assertThat(TestDatabase.connections(me)).isZero();
        assertThat(TestDatabase.connections(coach)).isZero();

        connect(me, other, "follow").then().statusCode(201);
        problem(connect(me, other, "follow"), 409, "connection-exists");
        connect(other, me, "follow").then().statusCode(201).body("status", equalTo("accepted"));
        connect(me, other, "friend").then().statusCode(201);
        assertThat(TestDatabase.connections(me)).as("a follow each way and a friendship").isEqualTo(3);
        assertThat(TestSql.refusal("insert into connection (id, requester_id, target_id, type, status, created_at, updated_at) "
                + "values (gen_random_uuid(), '" + me + "', '" + me + "', 'friend', 'pending', now(), now())"))
                .as("the database refuses a self-connection too").contains("connection_not_self");
        assertThat(TestSql.refusal("insert into connection (id, requester_id, target_id, type, status, created_at, updated_at) "
                + "values (gen_random_uuid(), '" + other + "', '" + me + "', 'friend', 'pending', now(), now())"))
                .as("and a second friendship of the pair, whoever asks").contains("connection_one_per_pair");
    }

    @Test
    void concurrentRequestsForTheSameConnectionMakeOne() {
        UUID target = TestEvents.member();
        UUID requester = TestEvents.member();
        List<Integer> statuses = concurrently(8, () -> connect(requester, target, "follow").then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        List<Integer> friends = concurrently(8, () -> connect(target, requester, "friend").then().extract().statusCode());
        assertThat(friends).filteredOn(status -> status == 201).hasSize(1);
        assertThat(TestDatabase.connections(target)).isEqualTo(2);
    }

    @Test
    void aBlockHidesBothSidesFromEachOtherUntilWhoeverBlockedLiftsIt() {
        UUID blocker = TestEvents.member();
        UUID pest = TestEvents.member();
        String follow = connected(pest, blocker, "follow");
        connected(blocker, pest, "follow");
        connected(pest, blocker, "friend");

        answer(blocker, follow, "blocked").then().statusCode(200).body("status", equalTo("blocked"))
                .body("blockedBy", equalTo(blocker.toString()));
        assertThat(TestDatabase.connections(pest)).as("the block alone is left of the pair").isEqualTo(1);
        problem(connect(pest, blocker, "follow"), 404, "not-found");
        problem(connect(pest, blocker, "friend"), 404, "not-found");
        problem(connect(blocker, pest, "follow"), 404, "not-found");
        problem(as(pest).get("/api/social/users/" + blocker + "/followers"), 404, "not-found");
        problem(as(blocker).get("/api/social/users/" + pest + "/following"), 404, "not-found");
        problem(answer(pest, follow, "accepted"), 409, "connection-blocked");
        problem(as(pest).delete("/api/social/connections/" + follow), 403, "forbidden");
        assertThat(TestDatabase.connections(pest)).isEqualTo(1);

        as(blocker).delete("/api/social/connections/" + follow).then().statusCode(204);
        connect(pest, blocker, "follow").then().statusCode(201).body("status", equalTo("accepted"));
    }

    @Test
    void aDeletedUsersConnectionsGoWithThem() {
        UUID gone = TestEvents.member();
        UUID stays = TestEvents.member();
        UUID third = TestEvents.member();
        connected(gone, stays, "follow");
        connected(stays, gone, "friend");
        connected(stays, third, "follow");
        publishUser(gone, 2, userState(gone, "Whoever", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.connections(gone) == 0);
        assertThat(TestDatabase.connections(stays)).as("their other connections stay").isEqualTo(1);
    }
}
