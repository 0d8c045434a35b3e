package com.swanstudios.platform.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * CloudEvents 1.0 attributes of one event, carried in Kafka headers (binary content mode): the record key
 * is the aggregate id (= {@code subject}), the value is the JSON body, and W3C trace context travels
 * beside them so a consumer's span joins the producer's trace.
 */
public record EventEnvelope(String id, String source, String type, OffsetDateTime time, String subject, String traceParent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    public List<Header> toKafkaHeaders() {
        List<Header> headers = new ArrayList<>();
        headers.add(header(CE_SPECVERSION, SPEC_VERSION));
        headers.add(header(CE_ID, id));
        headers.add(header(CE_SOURCE, source));
        headers.add(header(CE_TYPE, type));
        headers.add(header(CE_TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        headers.add(header(CE_SUBJECT, subject));
        headers.add(header(CONTENT_TYPE, JSON));
        if (traceParent != null) {
            headers.add(header(TRACEPARENT, traceParent));
        }
        return headers;
    }

    /**
     * Reads the envelope back; a record without the required attributes is a poison message: no retry will
     * ever make it readable.
     */
    public static EventEnvelope fromKafkaHeaders(Headers headers) {
        try {
            return new EventEnvelope(required(headers, CE_ID), required(headers, CE_SOURCE), required(headers, CE_TYPE),
                    OffsetDateTime.parse(required(headers, CE_TIME)), optional(headers, CE_SUBJECT), optional(headers, TRACEPARENT));
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp", e);
        }
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
