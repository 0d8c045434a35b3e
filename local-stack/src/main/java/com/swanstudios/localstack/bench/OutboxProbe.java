package com.swanstudios.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a service's event topic from its end (all partitions assigned, no group) and records, for every
 * record, its arrival here minus its {@code ce_time} (the moment the event was staged in the outbox).
 * Records are kept as (staged at, lag) pairs, so each phase picks its own by staging time.
 */
final class OutboxProbe implements AutoCloseable {

    private final Pairs records = new Pairs();
    private final Thread poller;
    private volatile boolean running = true;

    OutboxProbe(String bootstrap, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // resolve the seek now, not at the first poll
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Instant now = Instant.now();
                        Header time = record.headers().lastHeader("ce_time");
                        if (time != null) {
                            Instant staged = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant();
                            records.add(micros(staged), ChronoUnit.MICROS.between(staged, now));
                        }
                    }
                }
            }
        }, "outbox-probe-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** Lags of the records staged in [from, to). */
    Samples lags(Instant from, Instant to) {
        return records.valuesWhereKeyIn(micros(from), micros(to));
    }

    static Properties consumerProperties(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5000);
    }
}
