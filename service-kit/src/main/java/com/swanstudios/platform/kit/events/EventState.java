package com.swanstudios.platform.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

/**
 * One aggregate state from another service's topic, read strictly: a payload that breaks the topic's
 * contract (not JSON, a required field missing or of the wrong kind) is a {@link PoisonMessageException},
 * dead-lettered at once by the inbox, never retried and never half-applied. Fields a consumer does not ask
 * for are ignored, so producers may add optional ones within a version of a topic.
 */
public final class EventState {

    private final JsonNode node;
    private final String what;

    private EventState(JsonNode node, String what) {
        this.node = node;
        this.what = what;
    }

    /** A JSON object carrying a whole-number {@code version}; {@code what} names it in errors ("a package state"). */
    public static EventState parse(ObjectMapper json, String payload, String what) {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (IOException e) {
            throw new PoisonMessageException(what + " that is not JSON", e);
        }
        if (node == null || !node.isObject() || !node.path("version").isIntegralNumber()) {
            throw new PoisonMessageException(what + " without a version");
        }
        return new EventState(node, what);
    }

    public long version() {
        return node.path("version").asLong();
    }

    /** A non-blank string. */
    public String text(String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PoisonMessageException(what + " without " + field);
        }
        return value.asText();
    }

    /** A string, or null when absent or not a string. */
    public String optionalText(String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** A whole number from 1 to {@code max}. */
    public long positive(String field, long max) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0 || value.asLong() > max) {
            throw new PoisonMessageException(what + " whose " + field + " is not a whole number from 1 to " + max);
        }
        return value.asLong();
    }

    public boolean bool(String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new PoisonMessageException(what + " without " + field);
        }
        return value.asBoolean();
    }

    /** A boolean, or null when absent or null; any other kind is poison. */
    public Boolean optionalBool(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new PoisonMessageException(what + " whose " + field + " is not a boolean");
        }
        return value.asBoolean();
    }

    public UUID uuid(String field) {
        return uuid(text(field), what);
    }

    /** A key or id that must be a UUID. */
    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException(what + " whose id is not a UUID: " + value, e);
        }
    }
}
