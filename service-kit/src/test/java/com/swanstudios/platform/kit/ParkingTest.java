package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import com.swanstudios.platform.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A row the broker keeps refusing is parked; everything else keeps flowing; an operator's requeue delivers it. */
@QuarkusTest
class ParkingTest {

    private static final String TOPIC = "probe.parking.v1";
    private static final String ADMIN = TestTokens.forUser(UUID.randomUUID(), "admin");

    @Test
    void anUnpublishableRowIsParkedAfterNAttemptsOthersKeepFlowingAndRequeueDeliversIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String stuck = "stuck-" + run;
        String other = "other-" + run;
        ProbeTopics.limitRecordSize(TOPIC, 1, ProbeTopics.SMALL_LIMIT);

        String big = "x".repeat(100 * 1024);
        String stuckId = stage(TOPIC, stuck, big, 1);
        stage(TOPIC, stuck, "after the big one", 2);
        stage(TOPIC, other, "same topic, other aggregate", 1);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + other + "\",\"text\":\"other topic\"}")
                .when().post("/probe/notes").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from outbox_message where id = '" + stuckId + "' and parked_at is not null and attempts = 3"))
                .as("parked after swan.outbox.max-attempts=3").isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ProbeTopics.recordsOf(TOPIC, other)).as("another aggregate of the same topic flows").hasSize(1);
            assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + other + "'"))
                    .as("another topic flows").isEqualTo(1);
        });
        assertThat(OutboxTest.count("select count(*) from outbox_message where aggregate_id = '" + stuck + "' and sent_at is null"))
                .as("the later event of the parked aggregate waits behind it").isEqualTo(2);

        given().when().get("/admin/events/outbox/parked").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser(UUID.randomUUID(), "user")).when().get("/admin/events/outbox/parked")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get("/admin/events/outbox/parked").then().statusCode(200)
                .body("id", hasItem(stuckId))
                .body("find { it.id == '" + stuckId + "' }.lastError", containsString("RecordTooLarge"));
        given().when().get("/q/metrics").then().body(containsString("outbox_parked_rows_total"));

        // the operator fixes the cause, then requeues: the parked row goes out, and the one behind it after it
        ProbeTopics.limitRecordSize(TOPIC, 1, 1024 * 1024);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"ids\":[\"" + stuckId + "\"]}")
                .when().post("/admin/events/outbox/parked/requeue").then().statusCode(200).body("requeued", org.hamcrest.Matchers.is(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> versions = ProbeTopics.versionsOf(TOPIC, stuck);
            assertThat(versions).as("the parked row, then the one behind it (which Kafka may also have taken earlier)")
                    .endsWith("1", "2");
            assertThat(OutboxTest.count("select count(*) from outbox_message where aggregate_id = '" + stuck + "' and sent_at is null"))
                    .isZero();
        });
    }

    private static String stage(String topic, String key, String text, long version) {
        return given().contentType(ContentType.JSON)
                .body("{\"topic\":\"" + topic + "\",\"key\":\"" + key + "\",\"text\":\"" + text + "\",\"version\":" + version + "}")
                .when().post("/probe/events").then().statusCode(200).extract().path("eventId");
    }

}
