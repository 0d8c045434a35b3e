package com.swanstudios.platform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * A property that holds another schema and may be null is written, by smallrye-openapi and as the generators
 * read it, as {@code {nullable: true, allOf: [{$ref}]}}. OpenAPI 3.0.3 taken to the letter lets {@code nullable}
 * act only on a {@code type} in the same schema, so the validator (rightly) refuses null there. Before a document
 * is handed to it, each such property gets the referenced schema inlined beside its {@code nullable}, so null
 * passes and any other value is still checked in full against the referenced schema.
 */
final class NullableReferences {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "#/components/schemas/";

    private NullableReferences() {
    }

    static String read(String documentUrl) {
        try (InputStream in = URI.create(documentUrl).toURL().openStream()) {
            JsonNode document = JSON.readTree(in);
            JsonNode schemas = document.path("components").path("schemas");
            inline(document, schemas, new java.util.HashSet<>());
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + documentUrl, e);
        }
    }

    /** @param open the schemas being inlined on the way here (a schema that holds itself stays a reference) */
    private static void inline(JsonNode node, JsonNode schemas, java.util.Set<String> open) {
        String inlined = null;
        if (node instanceof ObjectNode object && object.path("nullable").asBoolean(false)
                && object.path("allOf").isArray() && object.path("allOf").size() == 1
                && object.path("allOf").get(0).path("$ref").asText("").startsWith(PREFIX)) {
            String name = object.path("allOf").get(0).path("$ref").asText().substring(PREFIX.length());
            JsonNode referenced = schemas.path(name);
            if (referenced.isObject() && open.add(name)) {
                inlined = name;
                object.remove("allOf");
                for (Map.Entry<String, JsonNode> field : referenced.properties()) {
                    if (!object.has(field.getKey())) {
                        object.set(field.getKey(), field.getValue().deepCopy());
                    }
                }
            }
        }
        node.forEach(child -> inline(child, schemas, open));
        if (inlined != null) {
            open.remove(inlined);
        }
    }
}
