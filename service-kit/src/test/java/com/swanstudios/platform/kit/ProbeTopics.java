package com.swanstudios.platform.kit;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.platform.kit.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Kafka and outbox levers for the kit's tests: topic limits, records of one key, pausing the relay. */
final class ProbeTopics {

    /** Below the padded size of {@link com.swanstudios.platform.kit.probe.FailOnceInterceptor}. */
    static final int SMALL_LIMIT = 64 * 1024;

    private ProbeTopics() {
    }

    /** Creates the topic if needed, then sets how large a record its broker takes. */
    static void limitRecordSize(String topic, int partitions, int maxBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlatformTestResource.kafka().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxBytes)), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
        }
    }

    static List<ConsumerRecord<String, String>> recordsOf(String topic, String key) {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), topic).stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> versionsOf(String topic, String key) {
        return recordsOf(topic, key).stream().map(r -> header(r, EventEnvelope.CE_AGGREGATE_VERSION)).toList();
    }

    /** Holds the relay's lock on its own connection: nothing is published until the returned connection closes. */
    static Connection pauseRelay() throws SQLException {
        Connection c = PlatformTestResource.postgres().superuserConnection(PlatformTestResource.DATABASE.database());
        try (Statement st = c.createStatement()) {
            st.execute("select pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
        }
        return c;
    }
}
