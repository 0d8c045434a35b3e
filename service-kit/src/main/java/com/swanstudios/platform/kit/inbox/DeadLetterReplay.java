package com.swanstudios.platform.kit.inbox;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Hands dead-lettered records back to the consumer that failed them, and to no other: it reads the
 * channel's dead-letter topic, keeps the records whose headers name this service's consumer group and
 * channel, and passes each, as it first arrived (origin topic, partition, offset, headers), to that
 * channel's {@link ChannelConsumer}, where the inbox applies it once and version-gated like any delivery;
 * a record still poison is dead-lettered again. Nothing is written to the source topic (a compacted one
 * would take an erased user's old state back). Progress is kept as the offsets of consumer group
 * {@code <group>.dlq-replay.<channel>}, so each dead letter is replayed once.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** How one replay went. */
    public record Report(String channel, String deadLetterTopic, int examined, int replayed, int otherConsumers) {
    }

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    private final Instance<ChannelConsumer> consumers;
    private final ChannelSettings channels;
    private final Map<String, Object> kafkaConfig;

    DeadLetterReplay(Instance<ChannelConsumer> consumers, ChannelSettings channels,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.consumers = consumers;
        this.channels = channels;
        this.kafkaConfig = kafkaConfig;
    }

    public Optional<ChannelConsumer> consumer(String channel) {
        return consumers.stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    /** Blocking (Kafka's consumer): call it on a worker thread. At most {@code limit} dead letters per call. */
    public Report replay(ChannelConsumer consumer, int limit) {
        String channel = consumer.channel();
        String group = channels.group(channel);
        String topic = channels.deadLetterTopic(channel, channels.topic(channel));
        int examined = 0;
        int replayed = 0;
        int others = 0;
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(replayConfig(group + ".dlq-replay." + channel),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = dlq.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            dlq.assign(partitions);
            Map<TopicPartition, Long> end = dlq.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (examined < limit && partitions.stream().anyMatch(p -> dlq.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> deadLetter : dlq.poll(Duration.ofMillis(500))) {
                    if (examined >= limit || deadLetter.offset() >= end.get(new TopicPartition(topic, deadLetter.partition()))) {
                        break;
                    }
                    examined++;
                    if (group.equals(header(deadLetter, DeadLetters.GROUP)) && channel.equals(header(deadLetter, DeadLetters.CHANNEL))) {
                        ConsumerRecord<String, String> original = original(deadLetter);
                        VertxContextSupport.subscribeAndAwait(() -> consumer.consume(original));
                        replayed++;
                    } else {
                        others++;
                    }
                    dlq.commitSync(Map.of(new TopicPartition(topic, deadLetter.partition()),
                            new OffsetAndMetadata(deadLetter.offset() + 1)));
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("replay of " + topic + " stopped after " + replayed + " records: " + e.getMessage(), e);
        }
        LOG.infof("Replayed %d dead letters of %s to channel %s (%d examined, %d belong to other consumers)", replayed, topic,
                channel, examined, others);
        return new Report(channel, topic, examined, replayed, others);
    }

    private Map<String, Object> replayConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return config;
    }

    /** The record as the consumer first saw it: origin coordinates, the dead-letter headers taken off. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetters.PREFIX)) {
                headers.add(header);
            }
        }
        return new ConsumerRecord<>(header(deadLetter, DeadLetters.TOPIC), Integer.parseInt(header(deadLetter, DeadLetters.PARTITION)),
                Long.parseLong(header(deadLetter, DeadLetters.OFFSET)), deadLetter.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, deadLetter.key(), deadLetter.value(), headers, Optional.empty());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
