package com.swanstudios.social.comment;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.engagement;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestApi;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Comments: replies to a bounded depth, who edits and deletes, tombstones, pages, and posts one may not comment on. */
@QuarkusTest
class CommentTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    void repliesNestThreeLevelsDeepAndNoDeeper() {
        UUID author = TestEvents.member();
        UUID reader = TestEvents.member();
        String post = publish(author, "Deadlift form check", "public");
        String parent = null;
        for (int depth = 0; depth <= CommentRules.MAX_DEPTH; depth++) {
            parent = comment(depth % 2 == 0 ? reader : author, post, "Level " + depth, parent).then().statusCode(201)
                    .body("depth", equalTo(depth)).body("postId", equalTo(post)).extract().path("id");
        }
        problem(comment(reader, post, "One level too deep", parent), 422, "reply-too-deep");
        assertThat(comments(post)).isEqualTo(4);
        assertThat(engagement(author, post).getInt("comments")).isEqualTo(4);

        String other = publish(author, "Another post", "public");
        problem(comment(reader, other, "A reply across posts", parent), 404, "not-found");
        problem(comment(reader, post, "A reply to nothing", UUID.randomUUID().toString()), 404, "not-found");
        assertThat(comments(other)).isZero();
    }

    @Test
    void theAuthorEditsAndDeletesAnAdminDeletesAndADeletedCommentWithRepliesStaysAsATombstone() {
        UUID author = TestEvents.member();
        UUID commenter = TestEvents.member();
        UUID other = TestEvents.member();
        String post = publish(author, "Meal prep Sunday", "public");
        String top = comment(commenter, post, "Looks great", null).then().statusCode(201).extract().path("id");
        String reply = comment(other, post, "Agreed", top).then().statusCode(201).extract().path("id");

        as(commenter).body("{\"content\":\"Looks great!\"}").patch("/api/social/comments/" + top).then().statusCode(200)
                .body("content", equalTo("Looks great!"));
        problem(as(other).body("{\"content\":\"Hijacked\"}").patch("/api/social/comments/" + top), 403, "forbidden");
        problem(as(other).delete("/api/social/comments/" + top), 403, "forbidden");
        assertThat(TestSql.row("select content from comment where id = '" + top + "'")).isEqualTo("Looks great!");

        as(commenter).delete("/api/social/comments/" + top).then().statusCode(204);
        assertThat(TestSql.row("select author_id, content, deleted_at is not null from comment where id = '" + top + "'"))
                .as("kept for its reply, without author or text").isEqualTo("null|null|t");
        JsonPath page = as(author).get("/api/social/posts/" + post + "/comments").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(top, reply);
        assertThat(page.getBoolean("items[0].deleted")).isTrue();
        assertThat(page.getString("items[0].content")).isNull();
        assertThat(page.getString("items[1].parentId")).isEqualTo(top);
        problem(as(commenter).delete("/api/social/comments/" + top), 404, "not-found");
        problem(comment(author, post, "A reply to a deleted comment", top), 404, "not-found");

        as(ADMIN, "admin").delete("/api/social/comments/" + reply).then().statusCode(204);
        assertThat(TestSql.count("select count(*) from comment where id = '" + reply + "'")).as("no replies: gone").isZero();
        assertThat(engagement(author, post).getInt("comments")).isZero();
    }

    @Test
    void commentsComeOldestFirstAPageAtATimeWithoutThoseOfBlockedMembers() {
        UUID author = TestEvents.member();
        UUID reader = TestEvents.member();
        UUID troll = TestEvents.member();
        String post = publish(author, "5k in 24 minutes", "public");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(comment(i == 2 ? troll : reader, post, "Comment " + i, null).then().statusCode(201).extract().path("id"));
        }
        assertThat(allComments(reader, post, 2)).as("oldest first, in pages of 2").containsExactlyElementsOf(written);

        String follow = connected(troll, reader, "follow");
        answer(reader, follow, "blocked").then().statusCode(200);
        List<String> withoutTroll = new ArrayList<>(written);
        withoutTroll.remove(2);
        assertThat(allComments(reader, post, 2)).as("the blocked member's comment is gone for the blocker")
                .containsExactlyElementsOf(withoutTroll);
        assertThat(allComments(troll, post, 100)).as("and the blocker's for the blocked").containsExactly(written.get(2));
        assertThat(allComments(ADMIN, post, 100)).as("an admin sees all").containsExactlyElementsOf(written);
        problem(comment(troll, post, "A reply to whoever blocked me", written.get(0)), 404, "not-found");
    }

    @Test
    void aPostOneMayNotSeeOrThatModerationClosedTakesNoComment() {
        UUID author = TestEvents.member();
        UUID stranger = TestEvents.member();
        String friendsOnly = publish(author, "For friends", "friends");
        problem(comment(stranger, friendsOnly, "Let me in", null), 404, "not-found");
        problem(as(stranger).get("/api/social/posts/" + friendsOnly + "/comments"), 404, "not-found");

        String removed = publish(author, "Soon removed", "public");
        String early = comment(stranger, removed, "Before the removal", null).then().statusCode(201).extract().path("id");
        as(ADMIN, "admin").body("{\"action\":\"remove\"}").post("/api/social/moderation/posts/" + removed).then().statusCode(200);
        problem(comment(stranger, removed, "After the removal", null), 404, "not-found");
        problem(comment(author, removed, "Even its author", null), 409, "post-moderated");
        problem(as(stranger).body("{\"content\":\"Edited after\"}").patch("/api/social/comments/" + early), 404, "not-found");
        as(stranger).delete("/api/social/comments/" + early).then().statusCode(204);
        assertThat(comments(friendsOnly) + comments(removed)).isZero();

        UUID unverified = TestEvents.knownUser("active", false);
        String open = publish(author, "Open to all", "public");
        problem(comment(unverified, open, "Hello", null), 403, "email-unverified");
        assertThat(comments(open)).isZero();
    }

    static long comments(String post) {
        return TestSql.count("select count(*) from comment where post_id = '" + post + "'");
    }

    static List<String> allComments(UUID reader, String post, int limit) {
        return TestApi.allPages(reader, "/api/social/posts/" + post + "/comments", limit);
    }
}
