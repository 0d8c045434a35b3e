package com.swanstudios.platform.kit.probe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Makes the broker refuse one chosen record once: the first time the outbox sends an event whose text is
 * {@value #MARKER}, its value is padded past the probe topic's {@code max.message.bytes}, so the send fails
 * after the producer accepted it (later records of the same key may still get through); its resend is
 * left alone and succeeds.
 */
public class FailOnceInterceptor implements ProducerInterceptor<String, byte[]> {

    public static final String MARKER = "fail-once";
    public static final int PADDED_BYTES = 200 * 1024;

    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        // the outbox keeps bodies as jsonb, which PostgreSQL prints with a space after each colon
        if (record.value() == null || !new String(record.value(), StandardCharsets.UTF_8).matches("(?s).*\"text\":\\s*\"" + MARKER + "\".*")) {
            return record;
        }
        var id = record.headers().lastHeader("ce_id");
        if (id == null || !FAILED.add(new String(id.value(), StandardCharsets.UTF_8))) {
            return record;
        }
        byte[] padded = new byte[PADDED_BYTES];
        System.arraycopy(record.value(), 0, padded, 0, record.value().length);
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(), padded, record.headers());
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
