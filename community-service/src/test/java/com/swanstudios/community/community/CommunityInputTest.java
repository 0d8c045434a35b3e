package com.swanstudios.community.community;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.newCommunity;
import static com.swanstudios.community.TestApi.uniqueName;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a community request may not be: each refusal a 4xx problem, and nothing written. */
@QuarkusTest
class CommunityInputTest {

    @Test
    @SendsInvalidRequests("community bodies that break the schema, unknown categories, ids that are not UUIDs, bad cursors")
    void aBadRequestIsRefusedAndChangesNothing() {
        UUID me = TestEvents.member();
        String name = uniqueName("Valid");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("broken JSON", "{\"name\":");
        bad.put("not an object", "[\"" + name + "\"]");
        bad.put("no name", newCommunity(name, "yoga", "public", "open").replace("\"name\":\"" + name + "\",", ""));
        bad.put("blank name", newCommunity("   ", "yoga", "public", "open"));
        bad.put("name too long", newCommunity(name + "x".repeat(80), "yoga", "public", "open"));
        bad.put("description too long", newCommunity(name, "yoga", "public", "open")
                .replace("Lift together", "y".repeat(2001)));
        bad.put("unknown category", newCommunity(name, "chess", "public", "open"));
        bad.put("unknown privacy", newCommunity(name, "yoga", "secret", "open"));
        bad.put("unknown membership type", newCommunity(name, "yoga", "public", "anyone"));
        bad.put("a NUL in the name", newCommunity(name + "\\u0000", "yoga", "public", "open"));
        bad.put("trailing content", newCommunity(name, "yoga", "public", "open") + "{}");
        bad.forEach((what, body) -> {
            var response = as(me).body(body).post("/api/communities");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.count("select count(*) from community where name like '" + name + "%'")).isZero();
        problem(as(me).contentType("text/plain").body("a club").post("/api/communities"), 415, "");
        problem(given().body(newCommunity(name, "yoga", "public", "open")).contentType("application/json")
                .post("/api/communities"), 401, "unauthenticated");

        String id = community(me, "public", "open");
        String before = TestSql.row("select name, description, category, privacy, membership_type from community where id = '"
                + id + "'");
        Map<String, String> badChanges = new LinkedHashMap<>();
        badChanges.put("nothing to change", "{}");
        badChanges.put("blank name", "{\"name\":\" \"}");
        badChanges.put("unknown category", "{\"category\":\"chess\"}");
        badChanges.put("unknown privacy", "{\"privacy\":\"hidden\"}");
        badChanges.put("unknown membership type", "{\"membershipType\":\"closed\"}");
        badChanges.put("broken JSON", "{\"name\"");
        badChanges.forEach((what, body) -> {
            var response = as(me).body(body).patch("/api/communities/" + id);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.row("select name, description, category, privacy, membership_type from community where id = '"
                + id + "'")).isEqualTo(before);

        problem(as(me).get("/api/communities/not-a-uuid"), 404, "");
        problem(as(me).body("{\"description\":\"x\"}").patch("/api/communities/" + UUID.randomUUID()), 404, "not-found");
        problem(as(me).queryParam("category", "chess").get("/api/communities"), 400, "validation");
        problem(as(me).queryParam("q", "q".repeat(81)).get("/api/communities"), 400, "validation");
        problem(as(me).queryParam("cursor", "not-a-cursor").get("/api/communities"), 400, "validation");
        problem(as(me).queryParam("limit", 0).get("/api/communities"), 400, "validation");
        problem(as(me).queryParam("limit", 101).get("/api/communities"), 400, "validation");
    }
}
