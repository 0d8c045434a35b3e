package com.swanstudios.localstack.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker on its own, as the yardstick: a plain producer (acks=all, no linger) sends to a scratch topic
 * at a fixed rate, each value carrying its send time, and a plain consumer reads it back; produce → consume
 * latency per record. Values are padded to about the size of an identity.user.v1 state.
 */
final class RawBroker implements AutoCloseable {

    static final String TOPIC = "bench.raw.v1";
    private static final int PARTITIONS = 6;
    private static final int VALUE_BYTES = 512;

    private final Samples latency = new Samples();
    private final LongAdder sendErrors = new LongAdder();
    private final KafkaProducer<String, byte[]> producer;
    private final Thread consumerThread;
    private volatile boolean running = true;
    private volatile long sent;

    RawBroker(String bootstrap) throws ExecutionException, InterruptedException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());

        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(OutboxProbe.consumerProperties(bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        consumerThread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        latency.add((System.nanoTime() - ByteBuffer.wrap(record.value()).getLong()) / 1000);
                    }
                }
            }
        }, "raw-broker-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    /** Open loop, like {@link HttpLoad}: record i is due at start + i / rate. Run it on its own thread. */
    void produce(int rate, Duration duration) {
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        for (long i = 0; i < total && running; i++) {
            long due = start + i * 1_000_000_000L / rate;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            byte[] value = ByteBuffer.allocate(VALUE_BYTES).putLong(System.nanoTime()).array();
            producer.send(new ProducerRecord<>(TOPIC, String.valueOf(i % 1000), value), (metadata, error) -> {
                if (error != null) {
                    sendErrors.increment();
                }
            });
            sent++;
        }
        producer.flush();
    }

    long sent() {
        return sent;
    }

    long sendErrors() {
        return sendErrors.sum();
    }

    Samples latency() {
        return latency;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        producer.close(Duration.ofSeconds(5));
        consumerThread.join(5000);
    }
}
