package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        String key = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String bootstrap = PlatformTestResource.kafka().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            // same key, so same partition as the good event that follows: the poison one must not block it
            producer.send(new ProducerRecord<>("probe.v1", key, "{\"no\":\"envelope\"}")).get();
        }
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"after the poison\"}")
                .when().post("/probe/notes").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(OutboxTest.count("select count(*) from probe_received where key = '" + key + "'")).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var dead = TopicRecords.readAll(bootstrap, "probe.v1.dlq").stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).as("one dead letter per consumer group that read it")
                    .extracting(r -> OutboxTest.header(r, "dead-letter-consumer-group"))
                    .containsExactlyInAnyOrder("probe-consumer", "probe-projector");
            var letter = dead.get(0);
            assertThat(OutboxTest.header(letter, "dead-letter-reason")).contains("missing CloudEvents header ce_id");
            assertThat(OutboxTest.header(letter, "dead-letter-exception-class-name")).endsWith("PoisonMessageException");
            assertThat(OutboxTest.header(letter, "dead-letter-topic")).isEqualTo("probe.v1");
            assertThat(OutboxTest.header(letter, "dead-letter-partition")).matches("\\d+");
            assertThat(OutboxTest.header(letter, "dead-letter-offset")).matches("\\d+");
            assertThat(letter.value()).isEqualTo("{\"no\":\"envelope\"}");
        });
    }
}
