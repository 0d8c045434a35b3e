package com.swanstudios.platform.kit.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's own Kafka clients outside the messaging channels: one idempotent producer ({@code acks=all},
 * order kept per partition) for the outbox relay and the dead-letter topics, an admin client that tells
 * a broker outage from a record the broker refuses, and consumers for tools. Both take every setting the service configured for
 * Kafka that they understand (SASL, TLS...). They block while the broker is away: call them on a worker
 * thread, never on the event loop.
 */
@ApplicationScoped
public class KafkaClients {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(KafkaClients.class);

    private final Map<String, Object> kafkaConfig;
    private final Producer<String, byte[]> producer;
    private final Admin admin;
    private final Duration probeTimeout;

    /** Settings for this producer alone ({@code swan.outbox.producer.compression.type=zstd}...) start with this. */
    public static final String PRODUCER_OVERRIDES = "swan.outbox.producer.";

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config serviceConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "swan.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.kafkaConfig = kafkaConfig;
        Map<String, Object> config = only(kafkaConfig, ProducerConfig.configNames());
        for (String name : serviceConfig.getPropertyNames()) {
            if (name.startsWith(PRODUCER_OVERRIDES)) {
                config.put(name.substring(PRODUCER_OVERRIDES.length()), serviceConfig.getValue(name, String.class));
                LOG.infof("Outbox producer: %s set by %s", name.substring(PRODUCER_OVERRIDES.length()), name);
            }
        }
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis() + 1000);
        // a short linger batches the records of one drain without delaying a lone event noticeably
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());

        Map<String, Object> adminConfig = only(kafkaConfig, AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-kit-admin");
        this.admin = Admin.create(adminConfig);
        this.probeTimeout = Duration.ofMillis(Math.min(sendTimeout.toMillis(), 3000));
    }

    public Producer<String, byte[]> producer() {
        return producer;
    }

    /**
     * A consumer with the service's Kafka settings in a group of its own, committing only when told (for tools
     * such as the dead-letter replay); the caller closes it.
     */
    public KafkaConsumer<String, String> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> config = only(kafkaConfig, ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Whether a broker answers now: a failed send while it does is the record's fault, not an outage. */
    public boolean clusterReachable() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) probeTimeout.toMillis()))
                    .clusterId().get(probeTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the broker knows the topic; {@code true} when it cannot tell (the caller then waits rather than blames). */
    public boolean topicExists(String topic) {
        try {
            admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(probeTimeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            return !(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException);
        } catch (Exception e) {
            return true;
        }
    }

    private static Map<String, Object> only(Map<String, Object> config, Set<String> names) {
        Map<String, Object> kept = new HashMap<>();
        config.forEach((key, value) -> {
            if (names.contains(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(2));
    }
}
