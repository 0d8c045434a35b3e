package com.swanstudios.social.user;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.engagement;
import static com.swanstudios.social.TestApi.feed;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.react;
import static com.swanstudios.social.TestEvents.publishUser;
import static com.swanstudios.social.TestEvents.userState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A deleted account's engagement on others' posts goes, or stays anonymised, and every count stays equal to what remains. */
@QuarkusTest
class AccountRemovalTest {

    @Test
    void aDeletedMembersCommentsReactionsSharesViewsAndReportsGoOrAreAnonymisedAndCountsStayRight() {
        UUID gone = TestEvents.member();
        UUID author = TestEvents.member();
        UUID other = TestEvents.member();
        UUID fan = TestEvents.member();
        connected(fan, gone, "follow");
        String post = publish(author, "Long run today", "public");
        String flagged = publish(author, "Questionable", "public");

        react(gone, post, "love").then().statusCode(200);
        react(other, post, "love").then().statusCode(200);
        String answered = comment(gone, post, "Nice pace", null).then().statusCode(201).extract().path("id");
        String reply = comment(other, post, "Thanks for asking", answered).then().statusCode(201).extract().path("id");
        String alone = comment(gone, post, "See you Sunday", null).then().statusCode(201).extract().path("id");
        String share = as(gone).body("{\"comment\":\"Inspiring\"}").post("/api/social/posts/" + post + "/shares").then()
                .statusCode(201).extract().path("id");
        as(other).body("{}").post("/api/social/posts/" + post + "/shares").then().statusCode(201);
        as(gone).post("/api/social/posts/" + post + "/views").then().statusCode(204);
        as(other).post("/api/social/posts/" + post + "/views").then().statusCode(204);
        for (UUID reporter : List.of(gone, other, fan)) {
            as(reporter).body("{\"reason\":\"Misleading\"}").post("/api/social/posts/" + flagged + "/reports").then().statusCode(201);
        }
        String ownPost = publish(gone, "My last post", "public");
        react(other, ownPost, "like").then().statusCode(200);
        assertThat(feed(fan)).containsExactly(ownPost, share);
        JsonPath before = engagement(author, post);
        assertThat(List.of(before.getInt("reactions.love"), before.getInt("comments"), before.getInt("shares"),
                before.getInt("views"))).isEqualTo(List.of(2, 3, 2, 2));

        publishUser(gone, 2, userState(gone, "Whoever", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from reaction where user_id = '"
                + gone + "'") == 0);

        JsonPath after = engagement(author, post);
        assertThat(List.of(after.getInt("reactions.love"), after.getInt("comments"), after.getInt("shares"), after.getInt("views")))
                .as("their reaction, comments and share are no longer counted; their view stays counted")
                .isEqualTo(List.of(1, 1, 1, 2));
        assertThat(TestSql.row("select author_id, content, deleted_at is not null from comment where id = '" + answered + "'"))
                .as("a comment others replied to stays, anonymised").isEqualTo("null|null|t");
        assertThat(TestSql.count("select count(*) from comment where id in ('" + alone + "', '" + reply + "')"))
                .as("the other comment is gone, the reply stays").isEqualTo(1);
        assertThat(TestSql.count("select count(*) from post where id in ('" + share + "', '" + ownPost + "')")).isZero();
        assertThat(TestSql.count("select count(*) from post_view where viewer_id = '" + gone + "'")).isZero();
        assertThat(TestSql.row("select count(*), count(reporter_id), count(reason) from post_report where post_id = '" + flagged
                + "'")).as("their report is kept without reporter or reason").isEqualTo("3|2|2");
        assertThat(TestSql.row("select moderation_status from post where id = '" + flagged + "'")).isEqualTo("flagged");
        assertThat(TestSql.count("select count(*) from post_stats s where (s.comments <> (select count(*) from comment c "
                + "where c.post_id = s.post_id and c.deleted_at is null) or s.shares <> (select count(*) from post p "
                + "where p.shared_post_id = s.post_id) or s.reactions_love <> (select count(*) from reaction r "
                + "where r.post_id = s.post_id and r.kind = 'love') or s.reactions_like <> (select count(*) from reaction r "
                + "where r.post_id = s.post_id and r.kind = 'like')) and s.post_id in (select id from post where author_id in ('"
                + author + "', '" + other + "'))")).as("every counter equals its rows").isZero();
        assertThat(feed(fan)).isEmpty();
    }
}
