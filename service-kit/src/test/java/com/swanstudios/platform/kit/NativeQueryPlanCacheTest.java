package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The kit's hot paths (staging an event, consuming it once, applying a projection's newer version) reuse Hibernate's
 * cached query plans: after a first round has planned every statement, more rounds add none. A native select through
 * {@code createNativeQuery(…).getSingleResult()} would miss every time (see NativeRows) and fail this.
 */
@QuarkusTest
class NativeQueryPlanCacheTest {

    private static final int ROUNDS = 20;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void stagingAndConsumingEventsPlansEachStatementOnce() throws Exception {
        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            roundsOfNotes("warm-" + UUID.randomUUID().toString().substring(0, 8), 3);
            statistics.clear();

            roundsOfNotes("plan-" + UUID.randomUUID().toString().substring(0, 8), ROUNDS);

            assertThat(statistics.getQueryPlanCacheHitCount()).as("statements found planned").isGreaterThanOrEqualTo(ROUNDS);
            assertThat(statistics.getQueryPlanCacheMissCount()).as("statements planned again after the first round").isZero();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** Notes of one key, each staged with its event, then consumed by the probe's consumer and its projection. */
    private static void roundsOfNotes(String key, int rounds) {
        for (int i = 0; i < rounds; i++) {
            given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"n" + i + "\"}")
                    .when().post("/probe/notes").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'")).isEqualTo(rounds);
            assertThat(OutboxTest.count("select coalesce(max(version), 0) from probe_projection where key = '" + key + "'"))
                    .isEqualTo(rounds);
        });
    }
}
