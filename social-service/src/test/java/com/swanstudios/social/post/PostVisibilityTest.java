package com.swanstudios.social.post;

import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestApi;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees which post: the matrix public / followers / friends / private × stranger / follower / friend / blocked /
 * self (and admin); moderation hides hidden and removed posts from all but their author and admins; a block hides
 * everything both ways; anyone who may not see a post gets 404.
 */
@QuarkusTest
class PostVisibilityTest {

    static UUID author;
    static UUID stranger;
    static UUID follower;
    static UUID friend;
    /** Followed the author, who then blocked them. */
    static UUID blocked;
    /** Blocked the author (the other direction of a block). */
    static UUID blocking;
    static final UUID ADMIN = UUID.randomUUID();
    /** Post id by what it is: a visibility, or a public post in a moderation state. */
    static final Map<String, String> POSTS = new LinkedHashMap<>();

    /** Once, before the first test (RestAssured knows the application's port only then). */
    @BeforeEach
    void posts() {
        if (!POSTS.isEmpty()) {
            return;
        }
        author = TestEvents.member();
        stranger = TestEvents.member();
        follower = TestEvents.member();
        friend = TestEvents.member();
        blocked = TestEvents.member();
        blocking = TestEvents.member();
        connected(follower, author, "follow");
        connected(friend, author, "friend");
        String followOfBlocked = connected(blocked, author, "follow");
        answer(author, followOfBlocked, "blocked").then().statusCode(200);
        String followOfBlocking = connected(author, blocking, "follow");
        answer(blocking, followOfBlocking, "blocked").then().statusCode(200);
        for (String visibility : List.of("public", "followers", "friends", "private")) {
            POSTS.put(visibility, publish(author, "A " + visibility + " post", visibility));
        }
        for (String moderation : List.of("flagged", "hidden", "removed")) {
            String id = publish(author, "A " + moderation + " post", "public");
            TestSql.row("update post set moderation_status = '" + moderation + "' where id = '" + id + "' returning id");
            POSTS.put(moderation, id);
        }
    }

    static final List<String> EVERYTHING = List.of("public", "followers", "friends", "private", "flagged", "hidden", "removed");
    /** What each viewer sees of the author's posts. */
    static final Map<String, List<String>> SEEN_BY = Map.of(
            "self", EVERYTHING,
            "admin", EVERYTHING,
            "stranger", List.of("public", "flagged"),
            "follower", List.of("public", "followers", "flagged"),
            "friend", List.of("public", "followers", "friends", "flagged"),
            "blocked", List.of(),
            "blocking", List.of());

    static Map<String, Supplier<RequestSpecification>> viewers() {
        return Map.of("self", () -> as(author), "admin", () -> as(ADMIN, "admin"), "stranger", () -> as(stranger),
                "follower", () -> as(follower), "friend", () -> as(friend), "blocked", () -> as(blocked),
                "blocking", () -> as(blocking));
    }

    @Test
    void eachViewerSeesExactlyWhatTheirConnectionAllows() {
        viewers().forEach((viewer, request) -> POSTS.forEach((what, id) -> {
            if (SEEN_BY.get(viewer).contains(what)) {
                request.get().get("/api/social/posts/" + id).then().statusCode(200).body("id", equalTo(id));
            } else {
                var response = request.get().get("/api/social/posts/" + id);
                assertThat(response.statusCode()).as(viewer + " reads a " + what + " post").isEqualTo(404);
                problem(response, 404, "not-found");
            }
        }));
    }

    @Test
    void aUsersPostListShowsEachViewerTheSame() {
        viewers().forEach((viewer, request) -> {
            if (SEEN_BY.get(viewer).isEmpty()) {
                problem(request.get().get("/api/social/users/" + author + "/posts"), 404, "not-found");
                return;
            }
            List<String> expected = new ArrayList<>();
            POSTS.forEach((what, id) -> {
                if (SEEN_BY.get(viewer).contains(what)) {
                    expected.add(id);
                }
            });
            Collections.reverse(expected);
            assertThat(list(request.get())).as(viewer).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void aBlockHidesTheOtherSidesPostsFromTheBlockerToo() {
        String ofBlocked = publish(blocked, "Public, but not to whoever blocked me", "public");
        String ofBlocking = publish(blocking, "Public, but not to whom I blocked", "public");
        problem(as(author).get("/api/social/posts/" + ofBlocked), 404, "not-found");
        problem(as(author).get("/api/social/posts/" + ofBlocking), 404, "not-found");
        problem(as(author).get("/api/social/users/" + blocking + "/posts"), 404, "not-found");
        as(stranger).get("/api/social/posts/" + ofBlocked).then().statusCode(200);
        as(ADMIN, "admin").get("/api/social/posts/" + ofBlocking).then().statusCode(200);
    }

    @Test
    void aPendingOrDeclinedRequestShowsNothingMore() {
        UUID asking = TestEvents.member();
        String follow = TestApi.connect(asking, author, "friend").then().statusCode(201).extract().path("id");
        problem(as(asking).get("/api/social/posts/" + POSTS.get("friends")), 404, "not-found");
        answer(author, follow, "declined").then().statusCode(200);
        problem(as(asking).get("/api/social/posts/" + POSTS.get("followers")), 404, "not-found");
        as(asking).get("/api/social/posts/" + POSTS.get("public")).then().statusCode(200);
    }

    @Test
    void aPostOneMayNotSeeCannotBeChangedAndItsExistenceDoesNotLeak() {
        as(follower).body("{\"content\":\"Mine now\"}").patch("/api/social/posts/" + POSTS.get("followers")).then()
                .statusCode(403);
        for (String what : List.of("private", "followers", "friends", "hidden")) {
            String id = POSTS.get(what);
            problem(as(stranger).body("{\"content\":\"Mine now\"}").patch("/api/social/posts/" + id), 404, "not-found");
            problem(as(stranger).delete("/api/social/posts/" + id), 404, "not-found");
            assertThat(TestSql.row("select content from post where id = '" + id + "'")).isEqualTo("A " + what + " post");
        }
        problem(as(stranger).get("/api/social/posts/" + UUID.randomUUID()), 404, "not-found");
    }

    private static List<String> list(RequestSpecification request) {
        return request.queryParam("limit", 100).get("/api/social/users/" + author + "/posts").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
