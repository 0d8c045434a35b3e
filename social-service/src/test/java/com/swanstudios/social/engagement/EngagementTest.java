package com.swanstudios.social.engagement;

import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.engagement;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.react;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reactions (one per member and post), views, and the counts an author reads, exact under concurrent writers. */
@QuarkusTest
class EngagementTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    void oneReactionPerMemberAndPostAnotherKindReplacesItAndItCanBeTakenBack() {
        UUID author = TestEvents.member();
        UUID fan = TestEvents.member();
        String post = publish(author, "New squat PR", "public");
        react(fan, post, "like").then().statusCode(200).body("type", equalTo("like")).body("postId", equalTo(post));
        react(fan, post, "like").then().statusCode(200);
        assertThat(reactions(engagement(author, post))).isEqualTo(List.of(1, 0, 0, 0, 0));
        react(fan, post, "fire").then().statusCode(200).body("type", equalTo("fire"));
        assertThat(reactions(engagement(author, post))).as("replaced, not added").isEqualTo(List.of(0, 0, 1, 0, 0));
        assertThat(TestSql.row("select count(*), min(kind) from reaction where post_id = '" + post + "'")).isEqualTo("1|fire");

        as(fan).delete("/api/social/posts/" + post + "/reactions").then().statusCode(204);
        as(fan).delete("/api/social/posts/" + post + "/reactions").then().statusCode(204);
        assertThat(reactions(engagement(author, post))).isEqualTo(List.of(0, 0, 0, 0, 0));
        assertThat(TestSql.count("select count(*) from reaction where post_id = '" + post + "'")).isZero();
        assertThat(TestSql.refusal("insert into reaction (post_id, user_id, kind, created_at) values ('" + post + "', '" + fan
                + "', 'like', now()), ('" + post + "', '" + fan + "', 'love', now())")).as("the schema's one per member").startsWith("23505");
    }

    @Test
    void countsStayExactWhileManyReactAtOnce() {
        UUID author = TestEvents.member();
        String post = publish(author, "Who else trains at 5am?", "public");
        List<UUID> fans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            fans.add(TestEvents.member());
        }
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(24, () -> {
            int i = next.getAndIncrement();
            return react(fans.get(i), post, i % 2 == 0 ? "like" : "strong").then().extract().statusCode();
        });
        assertThat(statuses).containsOnly(200);
        assertThat(reactions(engagement(author, post))).isEqualTo(List.of(12, 0, 0, 12, 0));

        // the same members change their minds, and one of them flips kinds many times at once
        AtomicInteger again = new AtomicInteger();
        List<Integer> changes = concurrently(24, () -> {
            int i = again.getAndIncrement();
            return i < 12 ? react(fans.get(i), post, "clap").then().extract().statusCode()
                    : react(fans.get(0), post, i % 2 == 0 ? "love" : "fire").then().extract().statusCode();
        });
        assertThat(changes).containsOnly(200);
        JsonPath counts = engagement(author, post);
        assertThat(reactions(counts).stream().mapToInt(Integer::intValue).sum()).as("one per member").isEqualTo(24);
        assertThat(reactions(counts)).as("the counters are the rows")
                .isEqualTo(List.of(kind(post, "like"), kind(post, "love"), kind(post, "fire"), kind(post, "strong"), kind(post, "clap")));
        assertThat(kind(post, "strong")).as("those who did not change kept theirs").isEqualTo(6);
    }

    @Test
    void aViewCountsOncePerMemberNotForTheAuthorAndExactlyUnderConcurrency() {
        UUID author = TestEvents.member();
        String post = publish(author, "Mobility routine", "public");
        List<UUID> viewers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            viewers.add(TestEvents.member());
        }
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(20, () -> as(viewers.get(next.getAndIncrement() % 10))
                .post("/api/social/posts/" + post + "/views").then().extract().statusCode());
        assertThat(statuses).containsOnly(204);
        as(author).post("/api/social/posts/" + post + "/views").then().statusCode(204);
        assertThat(engagement(author, post).getLong("views")).as("ten members, each once; the author not").isEqualTo(10);
        assertThat(TestSql.count("select count(*) from post_view where post_id = '" + post + "'")).isEqualTo(10);
    }

    @Test
    void theAuthorAndAdminsReadEngagementOthersDoNotAndNobodyEngagesWithWhatTheyMayNotSee() {
        UUID author = TestEvents.member();
        UUID reader = TestEvents.member();
        String post = publish(author, "Engage with me", "public");
        react(reader, post, "clap").then().statusCode(200);
        comment(reader, post, "Nice", null).then().statusCode(201);
        as(reader).body("{}").post("/api/social/posts/" + post + "/shares").then().statusCode(201);
        as(reader).post("/api/social/posts/" + post + "/views").then().statusCode(204);
        JsonPath counts = as(ADMIN, "admin").get("/api/social/posts/" + post + "/engagement").then().statusCode(200).extract()
                .jsonPath();
        assertThat(counts.getString("postId")).isEqualTo(post);
        assertThat(reactions(counts)).isEqualTo(List.of(0, 0, 0, 0, 1));
        assertThat(List.of(counts.getInt("comments"), counts.getInt("shares"), counts.getInt("views"))).isEqualTo(List.of(1, 1, 1));
        problem(as(reader).get("/api/social/posts/" + post + "/engagement"), 403, "forbidden");

        String hidden = publish(author, "Only mine", "private");
        problem(react(reader, hidden, "like"), 404, "not-found");
        problem(as(reader).delete("/api/social/posts/" + hidden + "/reactions"), 404, "not-found");
        problem(as(reader).post("/api/social/posts/" + hidden + "/views"), 404, "not-found");
        problem(as(reader).get("/api/social/posts/" + hidden + "/engagement"), 404, "not-found");
        TestSql.row("update post set moderation_status = 'hidden' where id = '" + post + "' returning id");
        problem(react(author, post, "like"), 409, "post-moderated");
        problem(react(reader, post, "like"), 404, "not-found");
        assertThat(TestSql.count("select count(*) from reaction where post_id in ('" + post + "', '" + hidden + "')"))
                .isEqualTo(1);
    }

    static List<Integer> reactions(JsonPath engagement) {
        return List.of(engagement.getInt("reactions.like"), engagement.getInt("reactions.love"), engagement.getInt("reactions.fire"),
                engagement.getInt("reactions.strong"), engagement.getInt("reactions.clap"));
    }

    static int kind(String post, String kind) {
        return (int) TestSql.count("select count(*) from reaction where post_id = '" + post + "' and kind = '" + kind + "'");
    }
}
