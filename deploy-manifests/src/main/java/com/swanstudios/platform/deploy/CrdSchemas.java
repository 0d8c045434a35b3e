package com.swanstudios.platform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operators' own CustomResourceDefinitions, kept under {@code deploy/crds/<operator>-<release>/} (see the
 * README there), as the API server would apply them: an object of a kind they define is checked against the
 * OpenAPI schema of its version, and any field the schema does not know is reported too — the API server would
 * silently prune it, so a misspelt setting would otherwise vanish without a word.
 */
public final class CrdSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A CRD's schema is an OpenAPI 3.0 schema object with Kubernetes' extensions; those that describe list and map
     * merging or int-or-string are annotations here, and {@code x-kubernetes-validations} (CEL rules) is evaluated
     * only by an API server: the one check left to a real cluster.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi30())
            .keywords(Stream.of("x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-map-type",
                    "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys", "x-kubernetes-preserve-unknown-fields",
                    "x-kubernetes-embedded-resource").map(NonValidationKeyword::new).toList())
            .build();

    /** The schema of each (apiVersion, kind): "group/version Kind". */
    private final Map<String, JsonNode> schemas;
    /** Each schema compiled once, when an object of its kind is first checked (CloudNativePG's is 460 KB). */
    private final Map<String, Schema> validators = new HashMap<>();

    private CrdSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    public static CrdSchemas load(Path directory) {
        Map<String, JsonNode> schemas = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    schemas.put(group + "/" + version.path("name").asText() + " " + kind,
                            version.path("schema").path("openAPIV3Schema"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdSchemas(schemas);
    }

    public boolean knows(String apiVersion, String kind) {
        return schemas.containsKey(apiVersion + " " + kind);
    }

    /** What is wrong with the object by its CRD: schema violations and unknown fields; empty when it would apply as written. */
    public List<String> violations(GenericKubernetesResource resource) {
        String key = resource.getApiVersion() + " " + resource.getKind();
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return List.of(key + ": no CRD under deploy/crds defines it");
        }
        JsonNode object = JSON.valueToTree(resource);
        // the validator reads its own Jackson's trees: both go to it as JSON text
        Schema validator = validators.computeIfAbsent(key,
                k -> SchemaRegistry.withDefaultDialect(DIALECT).getSchema(schema.toString()));
        List<String> found = new ArrayList<>();
        String where = resource.getKind() + "/" + resource.getMetadata().getName();
        validator.validate(object.toString(), InputFormat.JSON).stream().map(Error::toString).forEach(e -> found.add(where + ": " + e));
        unknownFields(found, where, "", object, schema);
        return found;
    }

    private static void unknownFields(List<String> found, String where, String path, JsonNode value, JsonNode schema) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) || path.equals(".metadata")) {
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    unknownFields(found, where, path + "." + field.getKey(), field.getValue(), properties.get(field.getKey()));
                } else if (additional.isObject()) {
                    unknownFields(found, where, path + "." + field.getKey(), field.getValue(), additional);
                } else if (!additional.asBoolean(false)) {
                    found.add(where + ": " + path + "." + field.getKey() + " is not a field of the CRD (the API server would drop it)");
                }
            }
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                unknownFields(found, where, path + "[]", item, schema.path("items"));
            }
        }
    }
}
