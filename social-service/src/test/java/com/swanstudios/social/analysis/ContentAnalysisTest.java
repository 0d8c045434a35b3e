package com.swanstudios.social.analysis;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.feed;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Content analysis as members and moderators meet it: what scores high leaves feeds for the queue with its score and
 * reasons; what is ordinary is left alone. The analyser's own rules: BuiltInAnalyserTest.
 */
@QuarkusTest
class ContentAnalysisTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    void aSpamBurstIsFlaggedWhileAnOrdinaryWorkoutPostIsLeftAlone() {
        UUID spammer = TestEvents.member();
        UUID follower = TestEvents.member();
        connected(follower, spammer, "follow");
        UUID athlete = TestEvents.member();
        String workout = as(athlete).body("{\"type\":\"workout\",\"content\":\"Back squat 5x5 at 100 kg, felt strong! "
                        + "#legday https://strava.example/a/1\",\"workout\":{\"exercise\":\"Back squat\",\"sets\":5,\"reps\":5},"
                        + "\"visibility\":\"public\"}")
                .post("/api/social/posts").then().statusCode(201).extract().<String>path("id");

        List<String> burst = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            burst.add(publish(spammer, "Deal number " + i + " today only", "public"));
        }

        assertThat(status(workout)).isEqualTo("published");
        assertThat(TestSql.row("select score, reasons::text from content_analysis where id = '" + workout + "'"))
                .isEqualTo("0|[]");
        assertThat(burst.subList(0, 20)).as("twenty posts in ten minutes are no burst").allMatch(p -> "published".equals(status(p)));
        assertThat(burst.subList(20, 22)).as("the twenty-first and after are").allMatch(p -> "flagged".equals(status(p)));
        assertThat(feed(follower)).contains(burst.get(19)).doesNotContain(burst.get(20), burst.get(21));

        JsonPath item = queueItem(burst.get(20));
        assertThat(item.getInt("analysis.score")).isEqualTo(60);
        assertThat(item.getString("analysis.analyser")).isEqualTo("built-in");
        assertThat(item.getList("analysis.reasons.signal")).containsExactly("burst");
        assertThat(item.getString("analysis.reasons[0].detail")).startsWith("21 posts by the author within 10 minutes");
        assertThat(item.getLong("openReports")).isZero();
        assertThat(queueItem(workout)).as("the workout is not in the queue").isNull();
    }

    @Test
    void duplicatesAndRepeatedLinksAddUpToTheQueueWhenTogetherTheyReachTheThreshold() {
        UUID seller = TestEvents.member();
        String text = "Protein sale https://shop.example/p and again https://shop.example/p";
        String first = publish(seller, text, "public");
        String second = publish(seller, text.toUpperCase().replace("AND", "and,"), "public");
        assertThat(status(first)).as("a repeated link alone (30) is under the threshold (50)").isEqualTo("published");
        assertThat(status(second)).as("with a duplicate (40) it is not").isEqualTo("flagged");
        assertThat(queueItem(second).getList("analysis.reasons.signal")).containsExactly("repeated-links", "duplicate");
        assertThat(queueItem(second).getInt("analysis.score")).isEqualTo(70);
    }

    @Test
    void aBlocklistedTermIsFlaggedWithItsReasonInPostsAndComments() {
        UUID troll = TestEvents.member();
        UUID runner = TestEvents.member();
        String insult = publish(troll, "You are an 4$$h0le", "public");
        String race = publish(runner, "Scunthorpe 10k today, a classic", "public");
        assertThat(status(insult)).isEqualTo("flagged");
        assertThat(status(race)).as("a term inside a longer word is no match").isEqualTo("published");
        JsonPath item = queueItem(insult);
        assertThat(item.getList("analysis.reasons.signal")).containsExactly("blocklist");
        assertThat(item.getString("analysis.reasons[0].detail")).isEqualTo("blocklisted term: \"asshole\"");

        String held = comment(troll, race, "k.y.s loser", null).then().statusCode(201).extract().path("id");
        String fine = comment(runner, race, "Thanks all", null).then().statusCode(201).extract().path("id");
        Map<String, JsonPath> queue = commentQueue();
        assertThat(queue).containsKey(held).doesNotContainKey(fine);
        assertThat(queue.get(held).getString("analysis.reasons[0].detail")).isEqualTo("blocklisted term: \"kys\"");
        assertThat(queue.get(held).getString("comment.content")).isEqualTo("k.y.s loser");

        problem(as(troll).body("{\"action\":\"approve\"}").post("/api/social/moderation/comments/" + held), 403, "forbidden");
        problem(as(ADMIN, "admin").body("{\"action\":\"approve\"}").post("/api/social/moderation/comments/" + fine), 404,
                "not-found");
        as(ADMIN, "admin").body("{\"action\":\"approve\"}").post("/api/social/moderation/comments/" + held).then().statusCode(204);
        assertThat(commentQueue()).doesNotContainKey(held);
        String again = comment(troll, race, "Nobody would miss you", null).then().statusCode(201).extract().path("id");
        assertThat(commentQueue()).containsKey(again);
        as(ADMIN, "admin").body("{\"action\":\"remove\"}").post("/api/social/moderation/comments/" + again).then().statusCode(204);
        assertThat(commentQueue()).doesNotContainKey(again);
        assertThat(TestSql.count("select count(*) from comment where id = '" + again + "'")).isZero();
        assertThat(TestSql.count("select count(*) from comment where id = '" + held + "'")).as("the approved one stays")
                .isEqualTo(1);
    }

    @Test
    @SendsInvalidRequests("decisions that are not approve or remove, limits out of range")
    void aDecisionOnACommentIsApproveOrRemoveAndNothingElseChangesIt() {
        UUID troll = TestEvents.member();
        String post = publish(TestEvents.member(), "Hill sprints", "public");
        String held = comment(troll, post, "drink bleach", null).then().statusCode(201).extract().path("id");
        for (String body : List.of("{\"action\":\"hide\"}", "{}", "{\"action\":null}", "not json")) {
            problem(as(ADMIN, "admin").body(body).post("/api/social/moderation/comments/" + held), 400, "");
        }
        problem(as(ADMIN, "admin").body("{\"action\":\"remove\"}").post("/api/social/moderation/comments/" + UUID.randomUUID()),
                404, "not-found");
        problem(as(ADMIN, "admin").queryParam("limit", 0).get("/api/social/moderation/comments"), 400, "validation");
        problem(as(ADMIN, "admin").queryParam("cursor", "nope").get("/api/social/moderation/comments"), 400, "validation");
        assertThat(commentQueue()).as("still held").containsKey(held);
    }

    static String status(String post) {
        return TestSql.row("select moderation_status from post where id = '" + post + "'");
    }

    /** The post's item in the moderation queue (read page by page), or null. */
    static JsonPath queueItem(String post) {
        return pages("/api/social/moderation/queue", "post.id").get(post);
    }

    /** The comment queue's items by comment id. */
    static Map<String, JsonPath> commentQueue() {
        return pages("/api/social/moderation/comments", "comment.id");
    }

    private static Map<String, JsonPath> pages(String path, String idField) {
        Map<String, JsonPath> items = new LinkedHashMap<>();
        String cursor = null;
        do {
            var request = as(ADMIN, "admin").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            int size = page.getList("items").size();
            for (int i = 0; i < size; i++) {
                JsonPath item = JsonPath.from(page.prettify()).setRootPath("items[" + i + "]");
                items.put(item.getString(idField), item);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return items;
    }
}
