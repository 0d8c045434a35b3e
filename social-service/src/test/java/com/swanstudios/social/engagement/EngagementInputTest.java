package com.swanstudios.social.engagement;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What comments, reactions, shares, reports and decisions may not be: each refusal a 4xx problem, and nothing written. */
@QuarkusTest
class EngagementInputTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    @SendsInvalidRequests("bodies that break the comment, reaction, share, report and decision schemas; ids that are not UUIDs")
    void badBodiesAndIdsAreRefusedAndNothingIsWritten() {
        UUID author = TestEvents.member();
        UUID reader = TestEvents.member();
        String post = publish(author, "Refuse the bad ones", "public");
        String existing = comment(reader, post, "Fine", null).then().statusCode(201).extract().path("id");
        String state = state(post);

        Map<String, String> badComments = Map.of(
                "no content", "{}",
                "empty content", "{\"content\":\"\"}",
                "blank content", "{\"content\":\" \\n\"}",
                "content too long", "{\"content\":\"" + "x".repeat(2001) + "\"}",
                "content not a string", "{\"content\":[1]}",
                "parent not a UUID", "{\"content\":\"hi\",\"parentId\":\"nope\"}",
                "content with NUL", "{\"content\":\"a\\u0000b\"}",
                "broken JSON", "{\"content\":");
        badComments.forEach((what, body) -> {
            var response = as(reader).body(body).post("/api/social/posts/" + post + "/comments");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
            if (!what.startsWith("parent")) {
                var edit = as(reader).body(body).patch("/api/social/comments/" + existing);
                assertThat(edit.statusCode()).as("edit: " + what).isEqualTo(400);
            }
        });
        Map<String, String> badReactions = Map.of("unknown kind", "{\"type\":\"angry\"}", "no kind", "{}",
                "kind not a string", "{\"type\":1}", "broken JSON", "[");
        badReactions.forEach((what, body) -> {
            var response = as(reader).body(body).put("/api/social/posts/" + post + "/reactions");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        Map<String, String> badShares = Map.of("blank comment", "{\"comment\":\"  \"}",
                "comment too long", "{\"comment\":\"" + "x".repeat(2001) + "\"}", "not an object", "[]");
        badShares.forEach((what, body) -> {
            var response = as(reader).body(body).post("/api/social/posts/" + post + "/shares");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        Map<String, String> badReports = Map.of("no reason", "{}", "blank reason", "{\"reason\":\" \"}",
                "reason too long", "{\"reason\":\"" + "x".repeat(501) + "\"}");
        badReports.forEach((what, body) -> {
            var response = as(reader).body(body).post("/api/social/posts/" + post + "/reports");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        for (String body : new String[] {"{}", "{\"action\":\"delete\"}", "{\"action\":null}"}) {
            problem(as(ADMIN, "admin").body(body).post("/api/social/moderation/posts/" + post), 400, "validation");
        }
        problem(as(reader).contentType("text/plain").body("like").put("/api/social/posts/" + post + "/reactions"), 415, "");
        problem(as(reader).get("/api/social/posts/not-a-uuid/comments"), 404, "");
        problem(as(reader).body("{\"type\":\"like\"}").put("/api/social/posts/not-a-uuid/reactions"), 404, "");
        problem(as(reader).delete("/api/social/comments/12345"), 404, "");
        problem(as(reader).queryParam("cursor", "not-a-cursor").get("/api/social/posts/" + post + "/comments"), 400, "validation");
        problem(as(reader).queryParam("limit", 101).get("/api/social/posts/" + post + "/comments"), 400, "validation");
        problem(as(ADMIN, "admin").queryParam("limit", 0).get("/api/social/moderation/queue"), 400, "validation");
        assertThat(state(post)).as("nothing written").isEqualTo(state);
    }

    @Test
    void theSchemaRefusesWhatTheRulesRefuseWhateverWritesIt() {
        UUID author = TestEvents.member();
        String post = publish(author, "Schema guards", "public");
        String columns = "insert into comment (id, post_id, parent_id, author_id, depth, content, created_at, updated_at) values "
                + "(gen_random_uuid(), '" + post + "', ";
        Map<String, String> bad = Map.of(
                "a reply to nothing", "gen_random_uuid(), gen_random_uuid(), 1, 'hi', now(), now())",
                "too deep", "null, gen_random_uuid(), 4, 'hi', now(), now())",
                "a root with a depth", "null, gen_random_uuid(), 1, 'hi', now(), now())",
                "blank", "null, gen_random_uuid(), 0, '  ', now(), now())",
                "live without author", "null, null, 0, 'hi', now(), now())");
        bad.forEach((what, values) -> assertThat(TestSql.refusal(columns + values)).as(what).matches("(?s)2[23][0-9A-Z]{3} .*"));
        assertThat(TestSql.refusal(columns + "null, gen_random_uuid(), 0, 'hi', now(), now())")).isEqualTo("accepted");
        assertThat(TestSql.refusal("update post_stats set comments = -1 where post_id = '" + post + "'")).startsWith("23514");
        assertThat(TestSql.refusal("insert into post (id, author_id, type, visibility, created_at, updated_at) values "
                + "(gen_random_uuid(), gen_random_uuid(), 'share', 'followers', now(), now())")).as("a share of nothing")
                .startsWith("23514");
        assertThat(TestSql.refusal("insert into post (id, author_id, type, content, visibility, shared_post_id, created_at, "
                + "updated_at) values (gen_random_uuid(), gen_random_uuid(), 'text', 'hi', 'public', '" + post + "', now(), now())"))
                .as("a text post pointing at another").startsWith("23514");
    }

    private static String state(String post) {
        return TestSql.row("select (select count(*) from comment where post_id = p.id), (select string_agg(content, ',') from "
                + "comment where post_id = p.id), (select count(*) from reaction where post_id = p.id), (select count(*) from post "
                + "where shared_post_id = p.id), (select count(*) from post_report where post_id = p.id), p.moderation_status, "
                + "s.comments, s.shares from post p join post_stats s on s.post_id = p.id where p.id = '" + post + "'");
    }
}
