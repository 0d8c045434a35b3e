package com.swanstudios.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A projection whose database holds nothing while its consumer group has already read its topic to the end (a
 * database re-created empty beside a Kafka that kept the group's offsets): on assignment the kit reads the topic
 * again from the beginning, so the projection holds every state published before it started. Without the
 * rebuild, the committed offsets would skip them all and the projection would stay empty.
 */
@QuarkusTest
@TestProfile(ProjectionRebuildTest.StaleGroup.class)
class ProjectionRebuildTest {

    static final String TOPIC = "probe.rebuild.v1";
    static final String GROUP = "probe-rebuild";
    static final int KEYS = 5;

    @Test
    void aProjectionThatHoldsNothingIsBuiltFromTheStartOfItsTopic() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(OutboxTest.count(
                "select count(*) from probe_projection where key like 'rebuild-%' and text = 'second'"))
                .as("every key's latest state, published before the service started").isEqualTo(KEYS));
    }

    /** probe-projection on a topic of its own, whose group already committed the topic's end. */
    public static class StaleGroup implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PublishedBeforeStart.class));
        }
    }

    /** Before the application starts: two states per key on the topic, and the group's offsets at its end. */
    public static class PublishedBeforeStart implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try (ProbeEvents events = new ProbeEvents()) {
                for (int k = 0; k < KEYS; k++) {
                    events.send(TOPIC, "rebuild-" + k, 1, "first");
                    events.send(TOPIC, "rebuild-" + k, 2, "second");
                }
                events.flush();
            }
            try (KafkaConsumer<String, String> group = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformTestResource.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP), new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = group.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
                Map<TopicPartition, Long> ends = group.endOffsets(partitions, Duration.ofSeconds(10));
                assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * KEYS);
                group.commitSync(ends.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))));
            }
            return Map.of("mp.messaging.incoming.probe-projection.topic", TOPIC,
                    "mp.messaging.incoming.probe-projection.group.id", GROUP);
        }

        @Override
        public void stop() {
        }
    }
}
