package com.swanstudios.community.membership;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.invite;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.community.TestDatabase;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a member, ownership or invitation request may not be: each refusal a 4xx problem, and nothing written. */
@QuarkusTest
class MembershipInputTest {

    @Test
    @SendsInvalidRequests("member changes, transfers and invitation answers that break the schema; ids that are not UUIDs")
    void aBadRequestIsRefusedAndChangesNothing() {
        List<UUID> users = TestEvents.members(3);
        UUID owner = users.get(0);
        UUID member = users.get(1);
        UUID guest = users.get(2);
        String id = community(owner, "public", "open");
        join(member, id).then().statusCode(201);
        String path = "/api/communities/" + id + "/members/" + member;

        Map<String, String> badChanges = new LinkedHashMap<>();
        badChanges.put("nothing", "{}");
        badChanges.put("both role and status", "{\"role\":\"moderator\",\"status\":\"active\"}");
        badChanges.put("owner is no role to give", "{\"role\":\"owner\"}");
        badChanges.put("unknown role", "{\"role\":\"captain\"}");
        badChanges.put("pending is no decision", "{\"status\":\"pending\"}");
        badChanges.put("broken JSON", "{\"role\":");
        badChanges.put("not an object", "\"moderator\"");
        badChanges.forEach((what, body) -> {
            var response = as(owner).body(body).put(path);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestDatabase.membership(id, member)).isEqualTo("member|active");

        Map<String, String> badTransfers = Map.of("no user", "{}", "user not a UUID", "{\"userId\":\"bob\"}");
        badTransfers.forEach((what, body) -> {
            var response = as(owner).body(body).put("/api/communities/" + id + "/owner");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
        });
        assertThat(TestDatabase.membership(id, owner)).isEqualTo("owner|active");

        problem(as(owner).body("{\"userId\":\"bob\"}").post("/api/communities/" + id + "/invitations"), 400, "");
        problem(as(owner).body("{}").post("/api/communities/" + id + "/invitations"), 400, "");
        String invitation = invite(owner, id, guest).then().statusCode(201).extract().path("id");
        Map<String, String> badAnswers = Map.of("no answer", "{}", "unknown answer", "{\"answer\":\"maybe\"}",
                "broken JSON", "{\"answer\":");
        badAnswers.forEach((what, body) -> {
            var response = as(guest).body(body).put("/api/communities/" + id + "/invitations/" + invitation);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.row("select status from invitation where id = '" + invitation + "'")).isEqualTo("pending");

        problem(as(owner).body("{\"role\":\"member\"}").put("/api/communities/" + id + "/members/bob"), 404, "");
        problem(as(owner).delete("/api/communities/not-a-uuid/members/" + member), 404, "");
        problem(as(guest).body("{\"answer\":\"accept\"}").put("/api/communities/" + id + "/invitations/xyz"), 404, "");
        problem(as(owner).queryParam("status", "everyone").get("/api/communities/" + id + "/members"), 400, "validation");
        problem(as(owner).queryParam("limit", 1000).get("/api/communities/" + id + "/members"), 400, "validation");
        problem(as(owner).queryParam("cursor", "%%%").get("/api/communities/" + id + "/members"), 400, "validation");
        problem(as(guest).queryParam("cursor", "nope").get("/api/communities/invitations"), 400, "validation");
        problem(as(owner).contentType("text/plain").body("member").put(path), 415, "");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("2|2");
    }
}
