package com.swanstudios.cart.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** storefront.package.v1 as storefront-service publishes it, read into cart-service's catalog projection. */
@QuarkusTest
class PackageDirectoryTest {

    @Test
    void theNewestStateWinsWhateverTheOrderOfArrival() {
        UUID id = UUID.randomUUID();
        TestEvents.publishPackage(id, "Ten sessions", 10, 150_000, true, 3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id)).isEqualTo("Ten sessions|10|150000|USD|t|3"));

        RecordMetadata older = TestEvents.publishPackage(id, "Ten sessions (old)", 10, 140_000, true, 2);
        TestEvents.awaitConsumed(older);
        assertThat(row(id)).as("the older state that arrived last was ignored").isEqualTo("Ten sessions|10|150000|USD|t|3");

        TestEvents.publishPackage(id, "Ten sessions", 10, 150_000, false, 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id)).isEqualTo("Ten sessions|10|150000|USD|f|4"));
    }

    @Test
    void aStateThatBreaksTheContractIsSetAsideAndChangesNothing() {
        UUID id = UUID.randomUUID();
        TestEvents.publishPackage(id, "Five sessions", 5, 75_000, true, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id)).isEqualTo("Five sessions|5|75000|USD|t|1"));

        RecordMetadata broken = TestEvents.publish("storefront.package.v1", "/storefront-service",
                "com.swanstudios.storefront.package.updated", id, 2,
                "{\"id\":\"" + id + "\",\"name\":\"Five sessions\",\"packageType\":\"fixed\",\"totalSessions\":5,"
                        + "\"totalCostCents\":-1,\"currency\":\"USD\",\"active\":true,\"version\":2}");
        TestEvents.awaitConsumed(broken);
        assertThat(row(id)).as("a negative price never reaches the projection").isEqualTo("Five sessions|5|75000|USD|t|1");
    }

    private static String row(UUID id) {
        return TestSql.row("select name, total_sessions, total_cost_cents, currency, active, version from known_package "
                + "where id = '" + id + "'");
    }
}
