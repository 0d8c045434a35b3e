package com.swanstudios.social.moderation;

import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.feed;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reports flag a post at three distinct reporters; flagged posts leave feeds; admins decide from the queue. */
@QuarkusTest
class ModerationTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    @SuppressWarnings("unchecked")
    void threeDistinctReportersFlagAPostEvenAtOnceAndItLeavesEveryFeedButItsAuthors() {
        UUID author = TestEvents.member();
        UUID follower = TestEvents.member();
        connected(follower, author, "follow");
        String post = publish(author, "Buy my supplements at spam.example", "public");
        assertThat(feed(follower)).containsExactly(post);

        UUID first = TestEvents.member();
        report(first, post, "Spam").then().statusCode(201).body("postId", equalTo(post));
        problem(report(first, post, "Spam, again"), 409, "already-reported");
        assertThat(status(post)).as("one reporter, however often").isEqualTo("published");

        List<UUID> others = List.of(TestEvents.member(), TestEvents.member(), TestEvents.member(), TestEvents.member());
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(4, () -> report(others.get(next.getAndIncrement()), post, "Spam").then()
                .extract().statusCode());
        assertThat(statuses).containsOnly(201);
        assertThat(status(post)).isEqualTo("flagged");
        assertThat(feed(follower)).as("out of the follower's feed").isEmpty();
        assertThat(feed(author)).as("still in its author's").containsExactly(post);

        Map<String, Object> item = queueItems().get(post);
        assertThat(item).as("in the queue").isNotNull();
        assertThat(((Number) item.get("openReports")).longValue()).isEqualTo(5);
        assertThat((List<Object>) item.get("reasons")).hasSize(5).containsOnly("Spam");

        as(ADMIN, "admin").body("{\"action\":\"approve\"}").post("/api/social/moderation/posts/" + post).then().statusCode(200)
                .body("moderationStatus", equalTo("published"));
        assertThat(feed(follower)).as("approved: back in the feed").containsExactly(post);
        assertThat(queueItems()).doesNotContainKey(post);
        UUID late = TestEvents.member();
        report(late, post, "Still spam").then().statusCode(201);
        assertThat(status(post)).as("the decision resolved the earlier reports").isEqualTo("published");

        as(ADMIN, "admin").body("{\"action\":\"hide\"}").post("/api/social/moderation/posts/" + post).then().statusCode(200)
                .body("moderationStatus", equalTo("hidden"));
        assertThat(feed(follower)).isEmpty();
        problem(as(follower).get("/api/social/posts/" + post), 404, "not-found");
        as(ADMIN, "admin").body("{\"action\":\"remove\"}").post("/api/social/moderation/posts/" + post).then().statusCode(200)
                .body("moderationStatus", equalTo("removed"));
        assertThat(feed(author)).containsExactly(post);
    }

    @Test
    void onlyAdminsModerateAndNobodyReportsTheirOwnPostOrOneTheyMayNotSee() {
        UUID author = TestEvents.member();
        UUID reader = TestEvents.member();
        String post = publish(author, "A fine post", "public");
        String privatePost = publish(author, "Mine alone", "private");
        problem(report(author, post, "Reporting myself"), 422, "own-post");
        problem(report(reader, privatePost, "Can't see it"), 404, "not-found");
        problem(as(reader).get("/api/social/moderation/queue"), 403, "forbidden");
        problem(as(reader).body("{\"action\":\"remove\"}").post("/api/social/moderation/posts/" + post), 403, "forbidden");
        problem(as(ADMIN, "admin").body("{\"action\":\"remove\"}").post("/api/social/moderation/posts/" + UUID.randomUUID()),
                404, "not-found");
        assertThat(status(post)).isEqualTo("published");
        assertThat(TestSql.count("select count(*) from post_report where post_id in ('" + post + "', '" + privatePost + "')"))
                .isZero();
    }

    static Response report(UUID reporter, String post, String reason) {
        return as(reporter).body("{\"reason\":\"" + reason + "\"}").post("/api/social/posts/" + post + "/reports");
    }

    static String status(String post) {
        return TestSql.row("select moderation_status from post where id = '" + post + "'");
    }

    /** The whole queue, page by page: each item by its post's id. */
    static Map<String, Map<String, Object>> queueItems() {
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        String cursor = null;
        do {
            var request = as(ADMIN, "admin").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/social/moderation/queue").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> found = page.getList("items");
            found.forEach(item -> items.put((String) ((Map<?, ?>) item.get("post")).get("id"), item));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }
}
