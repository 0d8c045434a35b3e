package com.swanstudios.platform.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An event's published JSON Schema (a service's {@code contracts/<topic>.schema.json}), so a producer's test checks
 * that what it sends is what it promised.
 */
public final class EventContract {

    private final String name;
    private final Schema schema;

    private EventContract(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /** The schema of a topic from the classpath's {@code /contracts/<topic>.schema.json}. */
    public static EventContract of(String topic) {
        String resource = "/contracts/" + topic + ".schema.json";
        try (InputStream in = EventContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            return new EventContract(topic, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another service's published schema, read from its module in this repository (a consumer's test holds its
     * fixtures to the producer's contract): {@code fromModule("cart-service", "commerce.credits.v1")}.
     */
    public static EventContract fromModule(String module, String topic) {
        Path file = Path.of("..", module, "src", "main", "resources", "contracts", topic + ".schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return new EventContract(topic, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException("No contract at " + file.toAbsolutePath(), e);
        }
    }

    /** What the JSON breaks of the schema; empty when it conforms. */
    public List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Fails with every violation named when the JSON does not conform. */
    public void assertConforms(String json) {
        List<String> violations = violations(json);
        if (!violations.isEmpty()) {
            throw new AssertionError(name + " does not hold for " + json + ": " + violations);
        }
    }
}
