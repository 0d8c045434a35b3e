package com.swanstudios.platform.kit.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Rebuilds a projection from the start of its topic when it holds nothing. A projection's consumer group keeps its
 * offsets in Kafka and its state in the service's database; when the database is new but the group is not (a
 * database re-created or restored empty, a projection truncated to be rebuilt, a service moved to a new cluster), the
 * committed offsets would skip every state published before. So when a channel's partitions are assigned and its
 * consumer has applied no version of any aggregate ({@code applied_version} holds no row for it, see
 * {@link IdempotentConsumer#applyIfNewer}), they are read again from the beginning; the topics are compacted, so
 * that is each aggregate's latest state. Replaying is safe: the version gate applies each state at most once.
 * <p>
 * Opt in per projection channel:
 * {@code mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=rebuild-empty-projection}. To rebuild a
 * projection on purpose, empty its table and delete its consumer's {@code applied_version} rows in one transaction,
 * then restart the service.
 */
@ApplicationScoped
@Identifier(RebuildEmptyProjection.NAME)
public class RebuildEmptyProjection implements KafkaConsumerRebalanceListener {

    public static final String NAME = "rebuild-empty-projection";
    private static final Logger LOG = Logger.getLogger(RebuildEmptyProjection.class);
    private static final String ANY_APPLIED = "select exists (select 1 from applied_version where consumer = $1) as any";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    private final Pool pool;
    private final ChannelSettings channels;
    private final Instance<ChannelConsumer> consumers;
    private final Config config;

    RebuildEmptyProjection(Pool pool, ChannelSettings channels, Instance<ChannelConsumer> consumers, Config config) {
        this.pool = pool;
        this.channels = channels;
        this.consumers = consumers;
        this.config = config;
    }

    /** Runs on the channel's polling thread (not an event loop), before the first poll of these partitions. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = partitions.stream().collect(Collectors.groupingBy(TopicPartition::topic));
        byTopic.forEach((topic, assigned) -> channelOf(topic).ifPresent(channel -> {
            if (nothingApplied(channel)) {
                LOG.infof("%s has applied nothing yet: reading %s from the beginning (%d partitions) to build it", channel, topic,
                        assigned.size());
                consumer.seekToBeginning(assigned);
            }
        }));
    }

    /** The projection channel on this topic that names this listener. */
    private Optional<String> channelOf(String topic) {
        return consumers.stream().map(ChannelConsumer::channel)
                .filter(channel -> topic.equals(channels.topic(channel)))
                .filter(channel -> NAME.equals(config.getOptionalValue(
                        "mp.messaging.incoming." + channel + ".consumer-rebalance-listener.name", String.class).orElse(null)))
                .findFirst();
    }

    /**
     * Whether the channel's consumer has applied nothing. When the database cannot say (it is down), the committed
     * offsets are kept: consuming then waits for the database anyway, and the next assignment asks again.
     */
    boolean nothingApplied(String channel) {
        String consumerName = channels.consumerName(channel);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return !pool.preparedQuery(ANY_APPLIED).execute(Tuple.of(consumerName)).await().atMost(CHECK_TIMEOUT)
                        .iterator().next().getBoolean("any");
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.warnf("Cannot tell whether %s has applied anything (%s): resuming from its committed offsets", channel,
                Failures.describe(last));
        return false;
    }
}
