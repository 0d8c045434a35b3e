package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static com.swanstudios.storefront.catalog.CatalogApi.asAdmin;
import static com.swanstudios.storefront.catalog.CatalogApi.fixed;
import static com.swanstudios.storefront.catalog.CatalogApi.freshDisplayOrder;
import static com.swanstudios.storefront.catalog.CatalogApi.freshName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.contract.EventContract;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every catalog change reaches storefront.package.v1 as the package's full state, valid against the published schema. */
@QuarkusTest
class PackageEventsTest {

    private static final EventContract CONTRACT = EventContract.of(CatalogService.TOPIC);

    @Test
    void createUpdateAndDeactivateArePublishedInOrderAndMatchTheSchema() {
        Response created = asAdmin().body(fixed(freshName("Evented"), 6, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(201).extract().response();
        String id = created.path("id");
        String updated = asAdmin().header("If-Match", created.header("ETag"))
                .body(fixed(created.path("name"), 6, 15500, created.path("displayOrder")))
                .when().put(PACKAGES + "/" + id).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", updated).when().delete(PACKAGES + "/" + id).then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = records().stream().filter(r -> id.equals(r.key())).toList();
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                    CatalogService.CREATED, CatalogService.UPDATED, CatalogService.DEACTIVATED);
            assertThat(records).extracting(r -> r.value()).allSatisfy(PackageEventsTest::assertMatchesSchema);
            assertThat(records.get(0).value()).contains("\"version\": 0");
            assertThat(records.get(1).value()).contains("\"version\": 1").contains("\"pricePerSessionCents\": 15500");
            assertThat(records.get(2).value()).contains("\"version\": 2").contains("\"active\": false");
            assertThat(records).extracting(r -> header(r, "ce_source")).containsOnly("/storefront-service");
        });
    }

    @Test
    void theStarterCatalogIsAnnouncedToo() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> seeded = records().stream()
                    .filter(r -> r.key().startsWith("019a0000-0000-7000-8000-00000000000")).toList();
            assertThat(seeded).hasSizeGreaterThanOrEqualTo(5);
            assertThat(seeded).extracting(r -> r.value()).allSatisfy(PackageEventsTest::assertMatchesSchema);
        });
    }

    @Test
    void theSchemaRejectsAStateThatBreaksTheRules() {
        String broken = """
                {"id": "019a0000-0000-7000-8000-000000000001", "name": "x", "description": "", "packageType": "fixed",
                 "sessions": null, "months": 2, "sessionsPerWeek": null, "totalSessions": 1, "pricePerSessionCents": 100,
                 "totalCostCents": 100, "currency": "USD", "displayOrder": 1, "active": true, "version": 0}""";
        assertThat(CONTRACT.violations(broken)).isNotEmpty();
    }

    private static void assertMatchesSchema(String json) {
        CONTRACT.assertConforms(json);
    }

    private static List<ConsumerRecord<String, String>> records() {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), CatalogService.TOPIC);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
