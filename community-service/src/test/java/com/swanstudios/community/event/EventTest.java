package com.swanstudios.community.event;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.remove;
import static com.swanstudios.community.TestEvents.publishUser;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.community.TestActivity;
import com.swanstudios.community.TestApi;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Events: who hosts them, who sees them, the capacity and its waiting list under concurrent answers, cancelling. */
@QuarkusTest
class EventTest {

    static String newEvent(int capacity) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
        return "{\"title\":\"Park run\",\"description\":\"5 km\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2)
                + "\",\"place\":\"City park, north gate\",\"capacity\":" + capacity + "}";
    }

    static String event(UUID host, String community, int capacity) {
        return as(host).body(newEvent(capacity)).post("/api/communities/" + community + "/events").then().statusCode(201)
                .body("status", equalTo("scheduled")).body("confirmed", equalTo(0)).extract().path("id");
    }

    static Response answer(UUID user, String community, String event, String answer) {
        return as(user).body("{\"answer\":\"" + answer + "\"}").put("/api/communities/" + community + "/events/" + event + "/attendance");
    }

    @Test
    void concurrentGoingAnswersConfirmExactlyTheCapacityAndTheWaitingListMovesUpInOrder() {
        List<UUID> users = TestEvents.members(13);
        UUID owner = users.get(0);
        List<UUID> crowd = users.subList(1, 13);
        String club = community(owner, "public", "open");
        crowd.forEach(user -> join(user, club).then().statusCode(201));
        String id = event(owner, club, 3);

        AtomicInteger next = new AtomicInteger();
        List<JsonPath> answers = concurrently(12, () -> answer(crowd.get(next.getAndIncrement()), club, id, "going").then()
                .statusCode(200).body("answer", equalTo("going")).extract().jsonPath());
        assertThat(answers.stream().filter(a -> "confirmed".equals(a.getString("status")))).hasSize(3);
        assertThat(answers.stream().filter(a -> "confirmed".equals(a.getString("status"))).map(a -> a.get("position")))
                .containsOnlyNulls();
        assertThat(answers.stream().filter(a -> "waitlisted".equals(a.getString("status"))).map(a -> a.getInt("position")))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        List<UUID> queue = waitingList(id); // in order
        assertThat(queue).hasSize(9);
        UUID confirmed = crowd.stream().filter(user -> !queue.contains(user)).findFirst().orElseThrow();

        answer(queue.get(0), club, id, "going").then().statusCode(200).body("status", equalTo("waitlisted"))
                .body("position", equalTo(1)); // going again keeps the place
        answer(confirmed, club, id, "not_going").then().statusCode(200).body("status", nullValue()).body("position", nullValue());
        as(queue.get(0)).get("/api/communities/" + club + "/events/" + id).then().statusCode(200)
                .body("confirmed", equalTo(3)).body("waitlisted", equalTo(8))
                .body("me.status", equalTo("confirmed")).body("me.position", nullValue());
        as(queue.get(1)).get("/api/communities/" + club + "/events/" + id).then().body("me.position", equalTo(1));
        answer(queue.get(2), club, id, "interested").then().statusCode(200).body("status", nullValue());
        as(queue.get(3)).get("/api/communities/" + club + "/events/" + id).then().body("me.position", equalTo(2))
                .body("interested", equalTo(1));

        // a confirmed attendee who leaves the community drops out too; the next in line moves up
        remove(queue.get(0), club, queue.get(0)).then().statusCode(204);
        assertThat(waitingList(id)).containsExactlyElementsOf(queue.subList(3, 9));
        as(queue.get(1)).get("/api/communities/" + club + "/events/" + id).then().body("me.status", equalTo("confirmed"))
                .body("confirmed", equalTo(3));
        assertThat(TestSql.count("select count(*) from event_attendance where event_id = '" + id + "' and status = 'confirmed'"))
                .isEqualTo(3);

        // and so does one whose account is deleted: their answer goes with their data
        publishUser(queue.get(1), 2, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from event_attendance where user_id = '"
                + queue.get(1) + "'") == 0);
        assertThat(waitingList(id)).containsExactlyElementsOf(queue.subList(4, 9));
        as(queue.get(3)).get("/api/communities/" + club + "/events/" + id).then().body("me.status", equalTo("confirmed"));
    }

    @Test
    void onlyModeratorsHostAndCancelAndAPrivateCommunitysEventsDoNotExistForOthers() {
        List<UUID> users = TestEvents.members(6);
        UUID owner = users.get(0);
        UUID moderator = users.get(1);
        UUID member = users.get(2);
        UUID outsider = users.get(3);
        UUID waiting = users.get(4);
        UUID invited = users.get(5);
        String club = community(owner, "private", "approval_required");
        String invitation = TestApi.invite(owner, club, invited).then().statusCode(201).extract().path("id");
        TestApi.answerInvitation(invited, club, invitation, "accept").then().statusCode(200);
        List.of(moderator, member, waiting).forEach(user -> join(user, club).then().statusCode(201));
        List.of(moderator, member, waiting).forEach(user -> as(owner).body("{\"status\":\"active\"}")
                .put("/api/communities/" + club + "/members/" + user).then().statusCode(200));
        as(owner).body("{\"role\":\"moderator\"}").put("/api/communities/" + club + "/members/" + moderator).then().statusCode(200);

        problem(as(member).body(newEvent(1)).post("/api/communities/" + club + "/events"), 403, "forbidden");
        String id = event(moderator, club, 1);
        as(member).get("/api/communities/" + club + "/events").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        problem(as(outsider).get("/api/communities/" + club + "/events/" + id), 404, "not-found");
        problem(answer(outsider, club, id, "going"), 404, "not-found");
        problem(as(outsider).post("/api/communities/" + club + "/events/" + id + "/cancel"), 404, "not-found");
        problem(as(outsider).get("/api/communities/" + club + "/events"), 403, "members-only");
        problem(as(member).get("/api/communities/" + UUID.randomUUID() + "/events/" + id), 404, "not-found");

        answer(member, club, id, "going").then().statusCode(200).body("status", equalTo("confirmed"));
        answer(waiting, club, id, "going").then().statusCode(200).body("status", equalTo("waitlisted")).body("position", equalTo(1));
        answer(owner, club, id, "interested").then().statusCode(200);
        problem(as(member).post("/api/communities/" + club + "/events/" + id + "/cancel"), 403, "forbidden");
        as(moderator).post("/api/communities/" + club + "/events/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        problem(as(owner).post("/api/communities/" + club + "/events/" + id + "/cancel"), 409, "event-cancelled");
        problem(answer(member, club, id, "not_going"), 409, "event-cancelled");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TestActivity.records(id);
            assertThat(TestActivity.types(records)).containsExactly("event.cancelled");
            assertThat(TestActivity.versions(records)).containsExactly(1L);
            JsonPath body = JsonPath.from(records.get(0).value());
            assertThat(body.getString("communityId")).isEqualTo(club);
            assertThat(body.getList("attendeeIds")).as("those going, confirmed first; not the interested")
                    .containsExactly(member.toString(), waiting.toString());
            assertThat(TestActivity.types(TestActivity.records(member.toString()))).as("accepted: a member from then on")
                    .containsExactly("member.joined", "achievement.earned");
            assertThat(TestActivity.types(TestActivity.records(invited.toString()))).as("joined by an invitation")
                    .containsExactly("member.joined", "achievement.earned");
        });
    }

    @Test
    @SendsInvalidRequests("event changes that break the schema or the rules of hosting")
    void aModeratorChangesAnOpenEventAndALargerCapacityMovesTheWaitingListUp() {
        List<UUID> users = TestEvents.members(5);
        UUID owner = users.get(0);
        UUID member = users.get(1);
        List<UUID> going = users.subList(2, 5);
        String club = community(owner, "public", "open");
        users.subList(1, 5).forEach(user -> join(user, club).then().statusCode(201));
        String id = event(owner, club, 1);
        String path = "/api/communities/" + club + "/events/" + id;
        for (UUID user : going) {
            answer(user, club, id, "going").then().statusCode(200);
        }
        List<UUID> queue = waitingList(id);
        assertThat(queue).hasSize(2);

        String row = "select title, description, capacity, starts_at, ends_at, place, link from community_event where id = '" + id + "'";
        String before = TestSql.row(row);
        problem(as(member).body("{\"title\":\"Mine now\"}").patch(path), 403, "forbidden");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
        for (String bad : List.of("{\"title\":\" \"}", "{\"capacity\":0}", "{\"capacity\":1.5}", "{\"link\":\"http://x.example\"}",
                "{\"endsAt\":\"" + start.minusDays(5) + "\"}", "{\"startsAt\":\"" + start.minusDays(40) + "\"}")) {
            problem(as(owner).body(bad).patch(path), 400, "validation");
        }
        assertThat(TestSql.row(row)).as("the refusals changed nothing").isEqualTo(before);

        // one place was taken: the capacity cannot fall below it; a larger one confirms the first in line at once
        as(owner).body("{\"title\":\"Park run, later\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1)
                + "\",\"capacity\":2}").patch(path).then().statusCode(200).body("title", equalTo("Park run, later"))
                .body("capacity", equalTo(2)).body("confirmed", equalTo(2)).body("waitlisted", equalTo(1))
                .body("place", equalTo("City park, north gate"));
        as(queue.get(0)).get(path).then().body("me.status", equalTo("confirmed"));
        as(queue.get(1)).get(path).then().body("me.status", equalTo("waitlisted")).body("me.position", equalTo(1));
        problem(as(owner).body("{\"capacity\":1}").patch(path), 409, "capacity-below-confirmed");
        assertThat(TestSql.count("select capacity from community_event where id = '" + id + "'")).isEqualTo(2);

        as(owner).post(path + "/cancel").then().statusCode(200);
        problem(as(owner).body("{\"title\":\"Back on\"}").patch(path), 409, "event-cancelled");
    }

    @Test
    @SendsInvalidRequests("event bodies and answers that break the schema; bad windows and cursors")
    void aBadRequestIsRefusedAndChangesNothing() {
        List<UUID> users = TestEvents.members(2);
        UUID owner = users.get(0);
        String club = community(owner, "public", "open");
        String path = "/api/communities/" + club + "/events";
        String good = newEvent(10);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("broken JSON", "{\"title\":");
        bad.put("no title", good.replace("\"title\":\"Park run\",", ""));
        bad.put("blank title", good.replace("\"Park run\"", "\"   \""));
        bad.put("title too long", good.replace("Park run", "x".repeat(121)));
        bad.put("no start", good.replaceFirst("\"startsAt\":\"[^\"]+\",", ""));
        bad.put("not a date", good.replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"soon\""));
        bad.put("ends before it starts", good.replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.plusDays(1) + "\""));
        bad.put("ends when it starts", good.replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.plusDays(2) + "\"")
                .replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"" + now.plusDays(2) + "\""));
        bad.put("already over", good.replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"" + now.minusDays(3) + "\"")
                .replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.minusDays(2) + "\""));
        bad.put("longer than a month", good.replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + now.plusDays(60) + "\""));
        bad.put("nowhere", good.replace("\"place\":\"City park, north gate\",", ""));
        bad.put("http link", good.replace("\"place\":\"City park, north gate\"", "\"link\":\"http://meet.example.com/run\""));
        bad.put("script link", good.replace("\"place\":\"City park, north gate\"", "\"link\":\"javascript:alert(1)\""));
        bad.put("link without host", good.replace("\"place\":\"City park, north gate\"", "\"link\":\"https:///run\""));
        bad.put("link with user", good.replace("\"place\":\"City park, north gate\"", "\"link\":\"https://a@meet.example.com\""));
        bad.put("link too long", good.replace("\"place\":\"City park, north gate\"",
                "\"link\":\"https://meet.example.com/" + "a".repeat(500) + "\""));
        bad.put("zero capacity", good.replace("\"capacity\":10", "\"capacity\":0"));
        bad.put("capacity too large", good.replace("\"capacity\":10", "\"capacity\":10001"));
        bad.put("fractional capacity", good.replace("\"capacity\":10", "\"capacity\":2.5"));
        bad.forEach((what, body) -> {
            Response response = as(owner).body(body).post(path);
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            problem(response, 400, "");
        });
        assertThat(TestSql.count("select count(*) from community_event where community_id = '" + club + "'")).isZero();
        as(owner).body(good.replace("\"place\":\"City park, north gate\"", "\"link\":\"https://meet.example.com/run?x=1\""))
                .post(path).then().statusCode(201).body("link", equalTo("https://meet.example.com/run?x=1"))
                .body("place", nullValue());

        String id = event(owner, club, 1);
        for (String answer : List.of("maybe", "GOING", "", "going ")) {
            problem(answer(owner, club, id, answer), 400, "validation");
        }
        problem(as(owner).body("{}").put(path + "/" + id + "/attendance"), 400, "validation");
        assertThat(TestSql.count("select count(*) from event_attendance where event_id = '" + id + "'")).isZero();
        problem(as(owner).queryParam("from", "yesterday").get(path), 400, "validation");
        problem(as(owner).queryParam("from", "2030-01-02T00:00:00Z").queryParam("to", "2030-01-01T00:00:00Z").get(path), 400,
                "validation");
        problem(as(owner).queryParam("cursor", "bad").get(path), 400, "validation");
        problem(as(owner).queryParam("limit", 101).get(path), 400, "validation");
        problem(as(owner).get(path + "/not-a-uuid"), 404, "");
    }

    @Test
    void theListIsAWindowOfEventsByStartAPageAtATime() {
        UUID owner = TestEvents.member();
        String club = community(owner, "public", "open");
        List<String> ids = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);
        for (int day = 3; day >= 0; day--) { // created in the reverse order of their starts
            OffsetDateTime start = base.plusDays(day);
            ids.add(0, as(owner).body(newEvent(5).replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"" + start + "\"")
                            .replaceFirst("\"endsAt\":\"[^\"]+\"", "\"endsAt\":\"" + start.plusHours(1) + "\""))
                    .post("/api/communities/" + club + "/events").then().statusCode(201).extract().path("id"));
        }
        String path = "/api/communities/" + club + "/events";
        JsonPath first = as(owner).queryParam("limit", 2).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(ids.get(0), ids.get(1));
        as(owner).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get(path).then().statusCode(200)
                .body("items.id", equalTo(ids.subList(2, 4))).body("nextCursor", nullValue());
        as(owner).queryParam("from", base.plusDays(1).plusMinutes(30).toString()).queryParam("to", base.plusDays(3).toString())
                .get(path).then().statusCode(200).body("items.id", equalTo(List.of(ids.get(1), ids.get(2))));
    }

    /** The event's waiting list, first in line first. */
    private static List<UUID> waitingList(String event) {
        String rows = TestSql.row("select string_agg(user_id::text, ',' order by queued) from event_attendance where event_id = '"
                + event + "' and status = 'waitlisted'");
        return rows.equals("null") ? List.of() : java.util.Arrays.stream(rows.split(",")).map(UUID::fromString).toList();
    }
}
