package com.swanstudios.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The platform's one OpenAPI document, merged from every service's (each built from its code): the paths the
 * edge routes to that service (the platform catalog's route table), with the components they use. An
 * operation marked {@code x-audience: internal} is left out, since the edge does not route it; one marked
 * {@code admin} stays, marked. Each operation says which service answers it ({@code x-service}).
 *
 * <p>The merge refuses what would make the document lie: a path that the edge routes to another service than
 * the one documenting it, the same path or operationId in two services, or two different schemas (or
 * headers, security schemes) under one name.
 */
public final class PlatformDocument {

    public static final String TITLE = "SwanStudios platform API";
    public static final String SERVICE_EXTENSION = "x-service";
    public static final String AUDIENCE_EXTENSION = "x-audience";
    public static final String INTERNAL = "internal";
    public static final String DOCS_PATH = "/api/docs";
    /** What the edge itself answers, for any operation, when the service behind it fails (problem+json). */
    static final Map<String, String> EDGE_ERRORS = new TreeMap<>(Map.of(
            "502", "ServiceFailed", "503", "ServiceUnavailable", "504", "ServiceTimedOut"));
    private static final String[] COMPONENT_KINDS = {"schemas", "headers", "securitySchemes", "responses", "parameters"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** A service's own document, as it built it. */
    public record ServiceDocument(String service, ObjectNode document) {
    }

    /** The AsyncAPI files a service publishes beside its code (src/main/resources/contracts). */
    public record Contracts(String service, List<Path> files) {
    }

    private PlatformDocument() {
    }

    /**
     * Build step (exec-maven-plugin): {@code <service documents dir> <repository root> <output dir> <version>}.
     * Writes openapi.json, openapi.yaml and asyncapi/<service>/* into the output directory.
     */
    public static void main(String[] args) throws IOException {
        Path documents = Path.of(args[0]);
        Path root = Path.of(args[1]);
        Path out = Path.of(args[2]);
        String version = args[3];
        PlatformCatalog catalog = PlatformCatalog.load();
        List<ServiceDocument> services = readServiceDocuments(catalog, documents);
        List<Contracts> contracts = findContracts(catalog, root);
        ObjectNode merged = merge(catalog, services, contracts, version);
        Files.createDirectories(out);
        Files.writeString(out.resolve("openapi.json"), render(merged));
        Files.writeString(out.resolve("openapi.yaml"), YAML.writeValueAsString(merged));
        for (Contracts c : contracts) {
            Path target = Files.createDirectories(out.resolve("asyncapi").resolve(c.service()));
            for (Path file : c.files()) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.printf("platform-api: merged %d services' documents into %s (%d paths)%n", services.size(), out,
                merged.path("paths").size());
    }

    public static String render(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code <service>-openapi.json} for every service of the catalog; a missing one fails the build. */
    public static List<ServiceDocument> readServiceDocuments(PlatformCatalog catalog, Path dir) throws IOException {
        List<ServiceDocument> documents = new ArrayList<>();
        for (PlatformCatalog.ServiceSpec service : catalog.services()) {
            Path file = dir.resolve(service.name() + "-openapi.json");
            if (!Files.exists(file)) {
                throw new IllegalStateException("No OpenAPI document for " + service.name() + " at " + file);
            }
            documents.add(new ServiceDocument(service.name(), (ObjectNode) JSON.readTree(file.toFile())));
        }
        return documents;
    }

    public static List<Contracts> findContracts(PlatformCatalog catalog, Path root) throws IOException {
        List<Contracts> found = new ArrayList<>();
        for (PlatformCatalog.ServiceSpec service : catalog.services()) {
            Path dir = root.resolve(service.name()).resolve("src/main/resources/contracts");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    found.add(new Contracts(service.name(), files.filter(Files::isRegularFile).sorted().toList()));
                }
            }
        }
        return found;
    }

    public static ObjectNode merge(PlatformCatalog catalog, List<ServiceDocument> services, List<Contracts> contracts,
            String version) {
        ObjectNode first = services.get(0).document();
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.put("openapi", first.path("openapi").asText());
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", version);
        info.put("description", description(contracts));
        info.set("contact", first.path("info").path("contact").deepCopy());
        info.set("license", first.path("info").path("license").deepCopy());
        merged.putArray("servers").addObject().put("url", "/")
                .put("description", "The edge this document is served from (the local gateway, or the cluster's Gateway)");
        Map<String, JsonNode> tags = new TreeMap<>();
        ObjectNode paths = JsonNodeFactory.instance.objectNode();
        Map<String, String> operationIds = new TreeMap<>();
        ObjectNode components = JsonNodeFactory.instance.objectNode();
        for (ServiceDocument service : services) {
            ObjectNode document = service.document();
            Iterator<Map.Entry<String, JsonNode>> servicePaths = document.path("paths").fields();
            while (servicePaths.hasNext()) {
                Map.Entry<String, JsonNode> entry = servicePaths.next();
                String path = entry.getKey();
                ObjectNode item = publicOperations(service.service(), (ObjectNode) entry.getValue(), operationIds);
                if (item.isEmpty()) {
                    continue;
                }
                Optional<RouteSpec> route = routeFor(catalog, path);
                if (route.isEmpty()) {
                    throw new IllegalStateException(service.service() + " documents " + path + " as public, but no route "
                            + "of the platform catalog sends it there: mark it x-audience: internal or add a route");
                }
                if (!route.get().service().equals(service.service())) {
                    throw new IllegalStateException(service.service() + " documents " + path + ", but the edge routes it to "
                            + route.get().service() + " (prefix " + route.get().prefix() + ")");
                }
                if (paths.has(path)) {
                    throw new IllegalStateException("Two services document " + path);
                }
                paths.set(path, item);
            }
            document.path("tags").forEach(tag -> tags.merge(tag.path("name").asText(), tag, (a, b) -> a));
            for (String kind : COMPONENT_KINDS) {
                mergeComponents(service.service(), kind, document.path("components").path(kind), components);
            }
        }
        ObjectNode sortedPaths = merged.putObject("paths");
        toMap(paths).forEach(sortedPaths::set);
        keepReachableComponents(sortedPaths, components);
        Set<String> usedTags = new LinkedHashSet<>();
        sortedPaths.forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> usedTags.add(t.asText()))));
        ArrayNode tagList = merged.putArray("tags");
        tags.forEach((name, tag) -> {
            if (usedTags.contains(name)) {
                tagList.add(tag);
            }
        });
        ObjectNode responses = components.putObject("responses");
        edgeError(responses, "ServiceFailed", "The service behind the edge answered with a broken response", false);
        edgeError(responses, "ServiceUnavailable", "The service behind the edge is down or starting; retry after "
                + "Retry-After seconds", true);
        edgeError(responses, "ServiceTimedOut", "The service behind the edge did not answer in time", false);
        merged.set("components", sortedComponents(components));
        return merged;
    }

    private static void edgeError(ObjectNode responses, String name, String description, boolean retryAfter) {
        ObjectNode response = responses.putObject(name);
        response.put("description", description);
        if (retryAfter) {
            response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait before retrying")
                    .putObject("schema").put("type", "integer").put("minimum", 1);
        }
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode sortedComponents(ObjectNode components) {
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        for (String kind : COMPONENT_KINDS) {
            if (components.get(kind) instanceof ObjectNode defined) {
                ObjectNode kindSorted = sorted.putObject(kind);
                toMap(defined).forEach(kindSorted::set);
            }
        }
        return sorted;
    }

    private static ObjectNode publicOperations(String service, ObjectNode item, Map<String, String> operationIds) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        item.fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.isObject() || INTERNAL.equals(operation.path(AUDIENCE_EXTENSION).asText())) {
                return;
            }
            ObjectNode copy = operation.deepCopy();
            copy.put(SERVICE_EXTENSION, service);
            EDGE_ERRORS.keySet().forEach(status -> ((ObjectNode) copy.path("responses"))
                    .putObject(status).put("$ref", "#/components/responses/" + EDGE_ERRORS.get(status)));
            String id = copy.path("operationId").asText();
            String earlier = operationIds.putIfAbsent(id, service);
            if (earlier != null) {
                throw new IllegalStateException("operationId '" + id + "' is used by " + earlier + " and " + service);
            }
            kept.set(entry.getKey(), copy);
        });
        return kept;
    }

    static Optional<RouteSpec> routeFor(PlatformCatalog catalog, String path) {
        return catalog.routesByPrecedence().stream().filter(route -> route.matches(path)).findFirst();
    }

    private static void mergeComponents(String service, String kind, JsonNode from, ObjectNode components) {
        if (!from.isObject()) {
            return;
        }
        ObjectNode into = components.has(kind) ? (ObjectNode) components.get(kind) : components.putObject(kind);
        from.fields().forEachRemaining(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException(kind + " '" + entry.getKey() + "' of " + service + " differs from another "
                        + "service's of the same name; give one a distinct name (@Schema(name = ...))");
            }
            into.set(entry.getKey(), entry.getValue());
        });
    }

    /** Drops components that no kept operation reaches (those of internal operations), however indirectly. */
    private static void keepReachableComponents(ObjectNode paths, ObjectNode components) {
        Set<String> reached = new LinkedHashSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(paths));
        paths.forEach(item -> item.forEach(op -> op.path("security")
                .forEach(req -> req.fieldNames().forEachRemaining(name -> reached.add("#/components/securitySchemes/" + name)))));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            if (node.isObject() && node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (reached.add(ref)) {
                    resolve(components, ref).ifPresent(pending::add);
                }
            }
            node.forEach(pending::add);
        }
        for (String kind : COMPONENT_KINDS) {
            if (components.get(kind) instanceof ObjectNode defined) {
                defined.retain(toMap(defined).keySet().stream()
                        .filter(name -> reached.contains("#/components/" + kind + "/" + name)).toList());
                if (defined.isEmpty()) {
                    components.remove(kind);
                }
            }
        }
    }

    private static Optional<JsonNode> resolve(ObjectNode components, String ref) {
        String prefix = "#/components/";
        if (!ref.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = ref.substring(prefix.length()).split("/", 2);
        return Optional.ofNullable(components.path(parts[0]).get(parts[1]));
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static String description(List<Contracts> contracts) {
        StringBuilder text = new StringBuilder("""
                Every public route of the SwanStudios platform, as the edge (gateway) routes it. Each operation \
                names the service that answers it (`x-service`); operations only admins may call are marked \
                `x-audience: admin`. Sign in with `login` and send the access token as `Authorization: Bearer`. \
                Every error is an RFC 9457 problem (`application/problem+json`).

                Operators' endpoints (parked outbox rows, dead-letter replay) are not routed by the edge and are \
                left out; each service documents them at its own `/q/openapi`.

                **Events** (Kafka; AsyncAPI documents and JSON Schemas):
                """);
        for (Contracts c : contracts) {
            text.append("\n- ").append(c.service()).append(": ");
            text.append(String.join(", ", c.files().stream().map(f -> f.getFileName().toString())
                    .map(name -> "[" + name + "](" + DOCS_PATH + "/asyncapi/" + c.service() + "/" + name + ")").toList()));
        }
        text.append("\n\nThis document as [JSON](").append(DOCS_PATH).append("/openapi.json) or [YAML](")
                .append(DOCS_PATH).append("/openapi.yaml), for client generators.\n");
        return text.toString();
    }
}
