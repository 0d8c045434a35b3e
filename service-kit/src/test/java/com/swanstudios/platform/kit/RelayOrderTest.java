package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.kit.probe.FailOnceInterceptor;
import com.swanstudios.platform.kit.probe.ProbeResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-aggregate order through the relay: commit order, and a partial failure that lets a later record through. */
@QuarkusTest
class RelayOrderTest {

    @BeforeAll
    static void probeTopicRefusesLargeRecords() throws Exception {
        ProbeTopics.limitRecordSize(ProbeResource.TOPIC, 3, ProbeTopics.SMALL_LIMIT);
    }

    @Test
    void twoTransactionsStagingForOneAggregateWithoutTouchingItsRowArePublishedInCommitOrder() throws Exception {
        String key = "co-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> commitOrder;
        try (Connection paused = ProbeTopics.pauseRelay()) {
            // the first stages (its row is inserted at once), then keeps its transaction open 1.5 s; the second
            // stages meanwhile and, if nothing serialised the two, would commit first with the higher seq
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> stage(key, "first", 1, 1500));
            Thread.sleep(300);
            stage(key, "second", 2, 0);
            first.get();
            // while the relay is paused the rows are as their transactions committed them
            commitOrder = texts(paused, "select payload->>'text' from outbox_message where aggregate_id = '" + key
                    + "' order by pg_xact_commit_timestamp(xmin)");
        }
        assertThat(commitOrder).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProbeTopics.recordsOf(ProbeResource.TOPIC, key))
                .extracting(r -> r.value().replaceAll(".*\"text\": ?\"(\\w+)\".*", "$1"))
                .as("relay order equals commit order").containsExactlyElementsOf(commitOrder));
    }

    private static List<String> texts(Connection c, String sql) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    @Test
    void aRecordThatFailsWhileTheNextOneOfItsKeySucceedsNeverPutsAProjectionBack() throws Exception {
        String key = "pf-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection paused = ProbeTopics.pauseRelay()) {
            // all three go out in one relay round: the broker refuses version 2 once, takes 1 and 3
            for (String text : List.of("one", FailOnceInterceptor.MARKER, "three")) {
                given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"" + text + "\"}")
                        .when().post("/probe/notes").then().statusCode(200);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProbeTopics.versionsOf(ProbeResource.TOPIC, key))
                .as("2 failed while 3 got through; 2 was sent again, then 3 after it, so the key's last record is its"
                        + " latest state (what compaction keeps)").containsExactly("1", "3", "2", "3"));
        assertThat(OutboxTest.count("select attempts from outbox_message where aggregate_id = '" + key + "' and aggregate_version = 2"))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from probe_received where key = '" + key + "'")).as("the effect consumer applied each event once")
                .isEqualTo(3));
        assertThat(projectionHistory(key)).as("the projection applied 1 then 3, and ignored the late 2").containsExactly(1L, 3L);
        assertThat(OutboxTest.count("select version from probe_projection where key = '" + key + "'"))
                .as("final state = last committed state").isEqualTo(3);
    }

    private static void stage(String key, String text, long version, long holdMillis) {
        given().contentType(ContentType.JSON)
                .body("{\"key\":\"" + key + "\",\"text\":\"" + text + "\",\"version\":" + version + ",\"holdMillis\":" + holdMillis + "}")
                .when().post("/probe/events").then().statusCode(200);
    }

    private static List<Long> projectionHistory(String key) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = com.swanstudios.platform.infra.PlatformTestResource.postgres()
                .superuserConnection(com.swanstudios.platform.infra.PlatformTestResource.DATABASE.database());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select version from probe_projection_history where key = '" + key + "' order by position")) {
            while (rs.next()) {
                versions.add(rs.getLong(1));
            }
        }
        return versions;
    }
}
