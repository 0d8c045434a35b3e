package com.swanstudios.storefront.catalog;

import static com.swanstudios.storefront.catalog.CatalogApi.PACKAGES;
import static com.swanstudios.storefront.catalog.CatalogApi.asAdmin;
import static com.swanstudios.storefront.catalog.CatalogApi.execute;
import static com.swanstudios.storefront.catalog.CatalogApi.fixed;
import static com.swanstudios.storefront.catalog.CatalogApi.freshDisplayOrder;
import static com.swanstudios.storefront.catalog.CatalogApi.freshName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Reads come from memory, and how stale a replica can get. "Another replica" is what this one sees of it:
 * a row changed in the shared database (by SQL here, behind this replica's back), and, normally, that
 * write's storefront.package.v1 event. This replica's own writes show at once (CatalogReadTest,
 * CatalogWriteTest read their writes back).
 */
@QuarkusTest
class CatalogCacheTest {

    /** %test.swan.catalog.cache-max-age */
    private static final Duration MAX_AGE = Duration.ofSeconds(3);

    @Test
    void anotherReplicasChangeShowsWhenItsEventArrivesAndNotBefore() throws Exception {
        String id = createdPackage();
        String before = name(id);
        String renamed = before + " renamed elsewhere";

        renameBehindThisReplicasBack(id, renamed);
        assertThat(name(id)).as("served from memory: the database change is not seen yet").isEqualTo(before);

        Duration visible = null;
        try (KafkaProducer<String, String> producer = producer()) {
            producer.partitionsFor(CatalogService.TOPIC); // metadata first: the clock measures the event, not the client
            long published = System.nanoTime();
            // sent again until seen: a replica's consumer reads only what arrives after it joined
            while (visible == null && System.nanoTime() - published < MAX_AGE.toNanos() / 2) {
                producer.send(new ProducerRecord<>(CatalogService.TOPIC, id, "{\"id\": \"" + id + "\"}")).get();
                for (int i = 0; i < 10 && visible == null; i++) {
                    if (name(id).equals(renamed)) {
                        visible = Duration.ofNanos(System.nanoTime() - published);
                    }
                    Thread.sleep(10);
                }
            }
        }
        assertThat(visible).as("the change shows once its event arrives, well before the cache's max age").isNotNull();
        System.out.printf("catalog staleness through the event: %d ms (max age %d ms)%n", visible.toMillis(), MAX_AGE.toMillis());
    }

    @Test
    void withoutAnEventAReplicaIsStaleForAtMostTheMaxAge() throws Exception {
        String id = createdPackage();
        String before = name(id);
        assertThat(listedName(id)).isEqualTo(before);
        long changedAt = System.nanoTime();
        renameBehindThisReplicasBack(id, before + " renamed, event lost");
        assertThat(name(id)).as("served from memory").isEqualTo(before);

        // both answers were read before the change: past the max age, neither may be served any more
        Thread.sleep(Math.max(0, MAX_AGE.plusMillis(100).toMillis() - Duration.ofNanos(System.nanoTime() - changedAt).toMillis()));
        assertThat(name(id)).endsWith("event lost");
        assertThat(listedName(id)).endsWith("event lost");
    }

    /** The package's name as the listing shows it, following the pages (other tests add packages). */
    private static String listedName(String id) {
        String cursor = "";
        for (int page = 0; page < 50 && cursor != null; page++) {
            Response answer = given().queryParam("limit", 100).queryParam("cursor", cursor).when().get(PACKAGES)
                    .then().statusCode(200).extract().response();
            String name = answer.path("items.find { it.id == '" + id + "' }.name");
            if (name != null) {
                return name;
            }
            cursor = answer.path("nextCursor");
        }
        throw new AssertionError("package " + id + " is not listed");
    }

    @Test
    void aConditionalReadFromMemoryAnswers304WithTheSameTag() {
        String id = createdPackage();
        Response first = given().when().get(PACKAGES + "/" + id).then().statusCode(200).extract().response();
        String tag = first.header("ETag");
        given().header("If-None-Match", tag).when().get(PACKAGES + "/" + id).then().statusCode(304)
                .header("ETag", tag);
        Response page = given().queryParam("limit", 5).when().get(PACKAGES).then().statusCode(200).extract().response();
        given().queryParam("limit", 5).header("If-None-Match", page.header("ETag")).when().get(PACKAGES).then()
                .statusCode(304).header("ETag", page.header("ETag"));
    }

    private static String createdPackage() {
        return asAdmin().body(fixed(freshName("Cached"), 4, 15000, freshDisplayOrder()))
                .when().post(PACKAGES).then().statusCode(201).extract().path("id");
    }

    private static String name(String id) {
        return given().when().get(PACKAGES + "/" + id).then().statusCode(200).extract().path("name");
    }

    /** What another replica's write leaves in the shared database (the version moves on, as Hibernate's does). */
    private static void renameBehindThisReplicasBack(String id, String name) throws Exception {
        execute("update training_package set name = '" + name.replace("'", "''") + "', version = version + 1 where id = '" + id + "'");
    }

    /** Publishes what that write's outbox row becomes on the topic (only its arrival matters to the cache). */
    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return new KafkaProducer<>(config);
    }
}
