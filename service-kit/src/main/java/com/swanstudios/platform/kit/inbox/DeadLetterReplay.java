package com.swanstudios.platform.kit.inbox;

import com.swanstudios.platform.kit.events.KafkaClients;
import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.Logger;

/**
 * Hands dead-lettered records back to the consumer that failed them, and to no other: it reads the
 * channel's dead-letter topic, keeps the records whose headers name this service's consumer group and
 * channel, and passes each, as it first arrived (origin topic, partition, offset, headers), to that
 * channel's {@link ChannelConsumer}, where the inbox applies it once and version-gated like any delivery;
 * a record still poison is dead-lettered again. Nothing is written to the source topic (a compacted one
 * would take an erased user's old state back). Progress is kept as the offsets of consumer group
 * {@code <group>.dlq-replay.<channel>}, so each dead letter is handed over once. A record that meets a
 * transient failure stops the replay (it is not marked done), to be run again once the cause is gone.
 */
@ApplicationScoped
public class DeadLetterReplay {

    /** How one replay went; {@code stoppedBy} is set when a transient failure stopped it early. */
    public record Report(String channel, String deadLetterTopic, int examined, int replayed, int otherConsumers, String stoppedBy) {
    }

    /** Marks a record handed over by a replay (health tracks it apart from the live channel). */
    static final String REPLAY_HEADER = "swan-dead-letter-replay";

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Duration PER_RECORD = Duration.ofSeconds(30);

    private final Instance<ChannelConsumer> consumers;
    private final ChannelSettings channels;
    private final ConsumerHealth health;
    private final KafkaClients kafka;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    DeadLetterReplay(Instance<ChannelConsumer> consumers, ChannelSettings channels, ConsumerHealth health, KafkaClients kafka) {
        this.consumers = consumers;
        this.channels = channels;
        this.health = health;
        this.kafka = kafka;
    }

    public Optional<ChannelConsumer> consumer(String channel) {
        return consumers.stream().filter(c -> c.channel().equals(channel)).findFirst();
    }

    /**
     * Blocking (Kafka's consumer): call it on a worker thread. At most {@code limit} dead letters per call.
     *
     * @param unattributed also hand over dead letters without consumer-group headers (written before the kit
     *                     named the group) whose origin topic is this channel's: only where one group
     *                     consumes that topic in this service
     */
    public Report replay(ChannelConsumer consumer, int limit, boolean unattributed) {
        String channel = consumer.channel();
        if (!running.add(channel)) {
            throw DomainException.conflict("A replay of channel '" + channel + "' is already running");
        }
        try {
            return replayExclusively(consumer, limit, unattributed);
        } finally {
            running.remove(channel);
        }
    }

    private Report replayExclusively(ChannelConsumer consumer, int limit, boolean unattributed) {
        String channel = consumer.channel();
        String group = channels.group(channel);
        String sourceTopic = channels.topic(channel);
        String topic = channels.deadLetterTopic(channel, sourceTopic);
        int examined = 0;
        int replayed = 0;
        int others = 0;
        String stoppedBy = null;
        try (KafkaConsumer<String, String> dlq = kafka.consumer(group + ".dlq-replay." + channel, 100)) {
            List<TopicPartition> partitions = dlq.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            dlq.assign(partitions);
            Map<TopicPartition, Long> end = dlq.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            reading:
            while (examined < limit && partitions.stream().anyMatch(p -> dlq.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> deadLetter : dlq.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(topic, deadLetter.partition());
                    if (deadLetter.offset() >= end.get(partition)) {
                        continue; // written after the replay began (perhaps by it): the next replay's
                    }
                    if (examined >= limit) {
                        break reading;
                    }
                    examined++;
                    if (belongsHere(deadLetter, group, channel, sourceTopic, unattributed)) {
                        try {
                            handOver(consumer, deadLetter);
                        } catch (RuntimeException e) {
                            stoppedBy = e.getClass().getSimpleName() + ": " + e.getMessage();
                            break reading;
                        }
                        replayed++;
                    } else {
                        others++;
                    }
                    dlq.commitSync(Map.of(partition, new OffsetAndMetadata(deadLetter.offset() + 1)));
                }
            }
        } finally {
            health.flowing(ConsumerHealth.replayKey(channel));
        }
        LOG.infof("Replayed %d dead letters of %s to channel %s (%d examined, %d belong to other consumers)%s", replayed, topic,
                channel, examined, others, stoppedBy == null ? "" : "; stopped by " + stoppedBy);
        return new Report(channel, topic, examined, replayed, others, stoppedBy);
    }

    private static boolean belongsHere(ConsumerRecord<String, String> deadLetter, String group, String channel, String sourceTopic,
            boolean unattributed) {
        String failedBy = header(deadLetter, DeadLetters.GROUP);
        if (failedBy == null) {
            return unattributed && sourceTopic.equals(header(deadLetter, DeadLetters.TOPIC));
        }
        String failedIn = header(deadLetter, DeadLetters.CHANNEL);
        return group.equals(failedBy) && (failedIn == null || channel.equals(failedIn));
    }

    /** Waits for the consumer, but not for ever: a transient failure (it would retry without end) stops the replay. */
    private static void handOver(ChannelConsumer consumer, ConsumerRecord<String, String> deadLetter) {
        ConsumerRecord<String, String> original = original(deadLetter);
        try {
            VertxContextSupport.subscribeAndAwait(() -> consumer.consume(original).ifNoItem().after(PER_RECORD).fail());
        } catch (Throwable e) {
            throw new IllegalStateException("dead letter " + deadLetter.partition() + "@" + deadLetter.offset()
                    + " could not be applied within " + PER_RECORD.toSeconds() + " s", e);
        }
    }

    /** The record as the consumer first saw it: origin coordinates, the dead-letter headers taken off. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetters.PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(REPLAY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        String topic = header(deadLetter, DeadLetters.TOPIC);
        String partition = header(deadLetter, DeadLetters.PARTITION);
        String offset = header(deadLetter, DeadLetters.OFFSET);
        return new ConsumerRecord<>(topic == null ? deadLetter.topic() : topic, partition == null ? -1 : Integer.parseInt(partition),
                offset == null ? -1 : Long.parseLong(offset), deadLetter.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, deadLetter.key(), deadLetter.value(), headers, Optional.empty());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
