package com.swanstudios.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.contract.EventContract;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What community-service published on community.activity.v1, held to its published schema. */
public final class TestActivity {

    public static final String TOPIC = "community.activity.v1";
    public static final EventContract CONTRACT = EventContract.of(TOPIC);

    private TestActivity() {
    }

    /** The key's records in topic order, each checked against the schema and the envelope. */
    public static List<ConsumerRecord<String, String>> records(String key) {
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), TOPIC)
                .stream().filter(r -> key.equals(r.key())).toList();
        records.forEach(r -> {
            CONTRACT.assertConforms(r.value());
            assertThat(header(r, EventEnvelope.CE_SOURCE)).isEqualTo("/community-service");
            assertThat(header(r, EventEnvelope.CE_SUBJECT)).isEqualTo(key);
        });
        return records;
    }

    /** The records' types, short (member.joined, …). */
    public static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, EventEnvelope.CE_TYPE).replace("com.swanstudios.community.", "")).toList();
    }

    public static List<Long> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> Long.parseLong(header(r, EventEnvelope.CE_AGGREGATE_VERSION))).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
