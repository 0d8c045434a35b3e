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
 * beside them so a consumer's span joins the producer's trace. {@code aggregateVersion} (extension
 * {@value #CE_AGGREGATE_VERSION}) is the aggregate's version after the change; projections apply only
 * newer versions. It is {@code null} only on records staged before the kit carried it.
 */
public record EventEnvelope(String id, String source, String type, OffsetDateTime time, String subject,
        Long aggregateVersion, String traceParent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    /** A CloudEvents extension attribute (lower-case letters, at most 20 characters). */
    public static final String CE_AGGREGATE_VERSION = "ce_aggregateversion";
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
        if (aggregateVersion != null) {
            headers.add(header(CE_AGGREGATE_VERSION, aggregateVersion.toString()));
        }
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
                    OffsetDateTime.parse(required(headers, CE_TIME)), optional(headers, CE_SUBJECT),
                    version(optional(headers, CE_AGGREGATE_VERSION)), optional(headers, TRACEPARENT));
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp", e);
        }
    }

    private static Long version(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new PoisonMessageException(CE_AGGREGATE_VERSION + " is not an integer: " + value, e);
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
