package com.swanstudios.social.connection;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestDatabase;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a connection request or answer may not be: each refusal a 4xx problem, and nothing written. */
@QuarkusTest
class ConnectionInputTest {

    @Test
    @SendsInvalidRequests("connection bodies that break the schema, ids that are not UUIDs, cursors this service did not issue")
    void aBadRequestIsRefusedAndChangesNothing() {
        UUID me = TestEvents.member();
        UUID other = TestEvents.member("user", "private");
        Map<String, String> badRequests = Map.of(
                "broken JSON", "{\"targetUserId\":",
                "no target", "{\"type\":\"follow\"}",
                "target not a UUID", "{\"targetUserId\":\"bob\",\"type\":\"follow\"}",
                "no type", "{\"targetUserId\":\"" + other + "\"}",
                "unknown type", "{\"targetUserId\":\"" + other + "\",\"type\":\"enemy\"}",
                "not an object", "[\"follow\"]");
        badRequests.forEach((what, body) -> {
            var response = as(me).body(body).post("/api/social/connections");
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestDatabase.connections(me)).isZero();

        String pending = as(me).body("{\"targetUserId\":\"" + other + "\",\"type\":\"follow\"}").post("/api/social/connections")
                .then().statusCode(201).extract().path("id");
        Map<String, String> badAnswers = Map.of(
                "no status", "{}",
                "pending is no answer", "{\"status\":\"pending\"}",
                "unknown status", "{\"status\":\"maybe\"}",
                "broken JSON", "{\"status\":");
        badAnswers.forEach((what, body) -> {
            var response = as(other).body(body).put("/api/social/connections/" + pending);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.row("select status from connection where id = '" + pending + "'")).isEqualTo("pending");

        problem(as(me).body("{\"status\":\"accepted\"}").put("/api/social/connections/not-a-uuid"), 404, "");
        problem(as(me).delete("/api/social/connections/12345"), 404, "");
        problem(as(me).get("/api/social/users/not-a-uuid/followers"), 404, "");
        problem(as(me).queryParam("cursor", "not-a-cursor").get("/api/social/users/" + me + "/followers"), 400, "validation");
        problem(as(me).queryParam("limit", 0).get("/api/social/users/" + me + "/following"), 400, "validation");
        problem(as(me).queryParam("limit", 101).get("/api/social/users/" + me + "/followers"), 400, "validation");
        problem(as(me).get("/api/social/users/" + UUID.randomUUID() + "/followers"), 404, "not-found");
        problem(as(me).contentType("text/plain").body("follow").post("/api/social/connections"), 415, "");
        assertThat(TestDatabase.connections(me)).isEqualTo(1);
    }

    @Test
    void nobodyButTheTwoSidesTouchesAConnectionAndAnAdminMayEndIt() {
        UUID a = TestEvents.member();
        UUID b = TestEvents.member();
        String id = connected(a, b, "friend");
        UUID outsider = TestEvents.member();
        problem(as(outsider).body("{\"status\":\"blocked\"}").put("/api/social/connections/" + id), 404, "not-found");
        problem(as(outsider).delete("/api/social/connections/" + id), 404, "not-found");
        assertThat(TestSql.row("select status from connection where id = '" + id + "'")).isEqualTo("accepted");
        as(UUID.randomUUID(), "admin").delete("/api/social/connections/" + id).then().statusCode(204);
        assertThat(TestDatabase.connections(a)).isZero();
    }
}
