package com.swanstudios.social.post;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.textPost;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Posts over HTTP: publishing each type, who may publish, the edit window and authorship, a user's posts by page. */
@QuarkusTest
class PostTest {

    static UUID author;
    static UUID other;
    static final UUID ADMIN = UUID.randomUUID();

    @BeforeAll
    static void members() {
        author = TestEvents.member();
        other = TestEvents.member();
    }

    @Test
    void aPostOfEachTypeIsPublishedAndReadBackAsSent() {
        String text = as(author).body(textPost("Rest day, but stretching", "public")).post("/api/social/posts").then()
                .statusCode(201).body("type", equalTo("text")).body("content", equalTo("Rest day, but stretching"))
                .body("author.id", equalTo(author.toString())).body("author.displayName", startsWith("Member "))
                .body("moderationStatus", equalTo("published")).body("workout", nullValue())
                .extract().path("id");
        String image = as(author).body("""
                {"type":"image","content":"New PR!","visibility":"public",
                 "mediaUrls":["https://cdn.example/pr.jpg","https://cdn.example/pr-2.jpg?w=640"]}""")
                .post("/api/social/posts").then().statusCode(201).extract().path("id");
        String workout = as(author).body("""
                {"type":"workout","content":"Leg day","visibility":"public",
                 "workout":{"exercise":"Back squat","sets":5,"reps":5,"durationMinutes":45,"calories":320}}""")
                .post("/api/social/posts").then().statusCode(201).extract().path("id");
        String achievement = as(author).body("""
                {"type":"achievement","content":"100 sessions done","visibility":"public"}""")
                .post("/api/social/posts").then().statusCode(201).extract().path("id");

        as(other).get("/api/social/posts/" + text).then().statusCode(200).body("content", equalTo("Rest day, but stretching"));
        as(other).get("/api/social/posts/" + image).then().statusCode(200).body("type", equalTo("image"))
                .body("mediaUrls", contains("https://cdn.example/pr.jpg", "https://cdn.example/pr-2.jpg?w=640"));
        as(other).get("/api/social/posts/" + workout).then().statusCode(200).body("type", equalTo("workout"))
                .body("workout.exercise", equalTo("Back squat")).body("workout.sets", equalTo(5)).body("workout.reps", equalTo(5))
                .body("workout.durationMinutes", equalTo(45)).body("workout.calories", equalTo(320));
        as(other).get("/api/social/posts/" + achievement).then().statusCode(200).body("type", equalTo("achievement"))
                .body("mediaUrls.size()", equalTo(0));
        assertThat(TestSql.row("select type, workout_exercise, workout_calories from post where id = '" + workout + "'"))
                .isEqualTo("workout|Back squat|320");
    }

    @Test
    void onlyAnActiveMemberWithAVerifiedEmailPublishes() {
        UUID unverified = TestEvents.knownUser("active", false);
        UUID suspended = TestEvents.knownUser("suspended", true);
        UUID unknown = UUID.randomUUID();
        problem(as(unverified).body(textPost("Hello", "public")).post("/api/social/posts"), 403, "email-unverified");
        problem(as(suspended).body(textPost("Hello", "public")).post("/api/social/posts"), 403, "account-inactive");
        problem(as(unknown).body(textPost("Hello", "public")).post("/api/social/posts"), 409, "author-unknown");
        assertThat(TestSql.count("select count(*) from post where author_id in ('" + unverified + "', '" + suspended
                + "', '" + unknown + "')")).isZero();
        given().contentType("application/json").body(textPost("Hello", "public")).post("/api/social/posts").then().statusCode(401);
    }

    @Test
    void theAuthorEditsForADayAndOnlyTheAuthorOrAnAdminChangesAPost() {
        String post = publish(author, "First draft", "public");
        as(author).body("{\"content\":\"Second draft\",\"visibility\":\"private\"}").patch("/api/social/posts/" + post).then()
                .statusCode(200).body("content", equalTo("Second draft")).body("visibility", equalTo("private"));
        as(author).body("{\"visibility\":\"public\"}").patch("/api/social/posts/" + post).then().statusCode(200)
                .body("content", equalTo("Second draft"));

        problem(as(other).body("{\"content\":\"Hijacked\"}").patch("/api/social/posts/" + post), 403, "forbidden");
        problem(as(other).delete("/api/social/posts/" + post), 403, "forbidden");
        assertThat(content(post)).isEqualTo("Second draft");

        TestSql.row("update post set created_at = created_at - interval '25 hours' where id = '" + post + "' returning id");
        problem(as(author).body("{\"content\":\"Too late\"}").patch("/api/social/posts/" + post), 409, "edit-window-closed");
        assertThat(content(post)).isEqualTo("Second draft");
        as(ADMIN, "admin").body("{\"content\":\"Edited by a moderator\"}").patch("/api/social/posts/" + post).then()
                .statusCode(200).body("content", equalTo("Edited by a moderator"));

        as(author).delete("/api/social/posts/" + post).then().statusCode(204);
        problem(as(author).get("/api/social/posts/" + post), 404, "not-found");
        assertThat(TestSql.count("select count(*) from post where id = '" + post + "'")).isZero();

        String another = publish(author, "An admin may delete this", "private");
        as(ADMIN, "admin").delete("/api/social/posts/" + another).then().statusCode(204);
        assertThat(TestSql.count("select count(*) from post where id = '" + another + "'")).isZero();
    }

    @Test
    void anEditKeepsThePostsTypeWhole() {
        String workout = as(author).body("""
                {"type":"workout","content":"Intervals","visibility":"public","workout":{"exercise":"Rowing","durationMinutes":20}}""")
                .post("/api/social/posts").then().statusCode(201).extract().path("id");
        as(author).body("{\"workout\":{\"exercise\":\"Rowing\",\"durationMinutes\":25,\"calories\":210}}")
                .patch("/api/social/posts/" + workout).then().statusCode(200)
                .body("workout.durationMinutes", equalTo(25)).body("workout.calories", equalTo(210)).body("content", equalTo("Intervals"));
        String image = as(author).body("{\"type\":\"image\",\"content\":\"View\",\"visibility\":\"public\","
                + "\"mediaUrls\":[\"https://cdn.example/v.jpg\"]}").post("/api/social/posts").then().statusCode(201).extract().path("id");
        problem(as(author).body("{\"mediaUrls\":[]}").patch("/api/social/posts/" + image), 400, "validation");
        as(author).get("/api/social/posts/" + image).then().body("mediaUrls", contains("https://cdn.example/v.jpg"));
    }

    @Test
    void aUsersPostsComeNewestFirstAPageAtATime() {
        UUID poster = TestEvents.member();
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            published.add(publish(poster, "Post " + i, i == 3 ? "private" : "public"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(other).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/social/users/" + poster + "/posts").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            assertThat(page.getList("items.author.id", String.class)).containsOnly(poster.toString());
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).as("another sees the public ones, newest first").containsExactly(published.get(4), published.get(3),
                published.get(1), published.get(0));
        assertThat(pages).isEqualTo(2);

        List<String> own = as(poster).queryParam("limit", 100).get("/api/social/users/" + poster + "/posts").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath().getList("items.id");
        assertThat(own).as("the author sees all of theirs").containsExactly(published.get(4), published.get(3), published.get(2),
                published.get(1), published.get(0));
        problem(as(other).get("/api/social/users/" + UUID.randomUUID() + "/posts"), 404, "not-found");
    }

    private static String content(String post) {
        return TestSql.row("select content from post where id = '" + post + "'");
    }
}
