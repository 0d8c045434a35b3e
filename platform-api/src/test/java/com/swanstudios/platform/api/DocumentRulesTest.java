package com.swanstudios.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.catalog.PlatformCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's own lint of every service's document and of the merged one: the rules of Spectral's
 * {@code spectral:oas} and Redocly's {@code recommended} that these documents could break, plus the platform's
 * (problem+json errors, public operations said to be public, patterns valid in ECMA 262 as well as Java).
 * Each rule lists every offender, so one run says everything to fix.
 */
class DocumentRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    /** Regular-expression constructs Java has and ECMA 262 does not (or reads differently). */
    private static final Pattern JAVA_ONLY = Pattern.compile(
            "\\(\\?[a-zA-Z]|\\(\\?>|[*+?}]\\+|\\\\[AZzGQE]|\\\\p\\{java|&&\\[");

    record Document(String name, JsonNode root) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Document> documents() throws IOException {
        List<Document> all = new ArrayList<>();
        Path services = Path.of(System.getProperty("documents.dir"));
        try (Stream<Path> files = Files.list(services)) {
            for (Path file : files.sorted().toList()) {
                all.add(new Document(file.getFileName().toString(), JSON.readTree(file.toFile())));
            }
        }
        all.add(new Document("merged", JSON.readTree(Path.of(System.getProperty("docs.dir"), "openapi.json").toFile())));
        assertThat(all).hasSize(PlatformCatalog.load().services().size() + 1);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void infoAndServersSayWhoAndWhere(Document document) {
        JsonNode root = document.root();
        assertThat(root.path("openapi").asText()).startsWith("3.0.");
        JsonNode info = root.path("info");
        assertThat(info.path("description").asText()).isNotBlank();
        assertThat(info.path("contact").path("email").asText()).isNotBlank();
        assertThat(info.path("license").path("name").asText()).isNotBlank();
        assertThat(info.path("license").path("url").asText()).isNotBlank();
        assertThat(root.path("servers")).isNotEmpty();
        root.path("servers").forEach(server -> assertThat(server.path("url").asText())
                .doesNotContain("localhost").doesNotContain("example.com").doesNotContain("0.0.0.0"));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyOperationIsNamedTaggedDescribedAndSecured(Document document) {
        JsonNode root = document.root();
        Set<String> tags = new HashSet<>();
        root.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as("description of tag " + tag.path("name")).isNotBlank();
            tags.add(tag.path("name").asText());
        });
        Set<String> schemes = new HashSet<>();
        root.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Set<String> ids = new HashSet<>();
        List<String> offences = new ArrayList<>();
        operations(root).forEach((where, operation) -> {
            String id = operation.path("operationId").asText();
            if (!id.matches("[a-z][A-Za-z0-9]*")) {
                offences.add(where + ": operationId '" + id + "' missing or not camelCase");
            } else if (!ids.add(id)) {
                offences.add(where + ": operationId '" + id + "' used twice");
            }
            if (operation.path("summary").asText().isBlank() || operation.path("description").asText().isBlank()) {
                offences.add(where + ": no summary or no description");
            }
            if (operation.path("tags").isEmpty()) {
                offences.add(where + ": no tag");
            }
            operation.path("tags").forEach(tag -> {
                if (!tags.contains(tag.asText())) {
                    offences.add(where + ": tag '" + tag.asText() + "' is not declared with a description");
                }
            });
            if (!operation.has("security")) {
                offences.add(where + ": says nothing of security (public operations say security: [])");
            }
            operation.path("security").forEach(requirement -> requirement.fields().forEachRemaining(scheme -> {
                if (!schemes.contains(scheme.getKey()) || !scheme.getValue().isEmpty()) {
                    offences.add(where + ": security names '" + scheme.getKey() + "' with scopes " + scheme.getValue()
                            + "; an HTTP bearer scheme has none");
                }
            }));
        });
        assertThat(offences).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyOperationDocumentsSuccessAndItsErrorsAsProblems(Document document) {
        List<String> offences = new ArrayList<>();
        operations(document.root()).forEach((where, operation) -> {
            JsonNode responses = operation.path("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                offences.add(where + ": no success response");
            }
            if (statuses.stream().noneMatch(s -> s.startsWith("4"))) {
                offences.add(where + ": no 4xx response");
            }
            responses.fields().forEachRemaining(response -> {
                String status = response.getKey();
                JsonNode body = response.getValue();
                if ((status.startsWith("4") || status.startsWith("5")) && !body.has("$ref")
                        && !"#/components/schemas/Problem".equals(body.path("content").path("application/problem+json")
                                .path("schema").path("$ref").asText())) {
                    offences.add(where + " " + status + ": error without the problem+json body");
                }
                if (body.path("description").asText().isBlank() && !body.has("$ref")) {
                    offences.add(where + " " + status + ": no description");
                }
            });
        });
        assertThat(offences).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void patternsAreValidInJavaAndEcmaAlike(Document document) {
        List<String> offences = new ArrayList<>();
        walk(document.root(), "#", (where, node) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                Pattern.compile(pattern.asText());
                if (JAVA_ONLY.matcher(pattern.asText()).find()) {
                    offences.add(where + ": pattern " + pattern.asText() + " uses a construct ECMA 262 lacks");
                }
            }
        });
        assertThat(offences).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyComponentIsUsedAndEveryReferenceResolves(Document document) {
        JsonNode root = document.root();
        Set<String> references = new HashSet<>();
        walk(root, "#", (where, node) -> {
            if (node.has("$ref")) {
                references.add(node.get("$ref").asText());
            }
        });
        root.path("paths").forEach(item -> item.forEach(operation -> operation.path("security")
                .forEach(req -> req.fieldNames().forEachRemaining(name -> references.add("#/components/securitySchemes/" + name)))));
        Set<String> defined = new HashSet<>();
        root.path("components").fields().forEachRemaining(kind -> kind.getValue().fieldNames()
                .forEachRemaining(name -> defined.add("#/components/" + kind.getKey() + "/" + name)));
        assertThat(references).as("references that resolve to nothing").isSubsetOf(defined);
        assertThat(defined).as("components nothing uses").isSubsetOf(references);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void theMergedDocumentHoldsExactlyWhatTheEdgeRoutes(Document document) {
        if (!document.name().equals("merged")) {
            return;
        }
        PlatformCatalog catalog = PlatformCatalog.load();
        operations(document.root()).forEach((where, operation) -> {
            String path = where.substring(where.indexOf(' ') + 1);
            assertThat(PlatformDocument.routeFor(catalog, path)).as(where)
                    .hasValueSatisfying(route -> assertThat(route.service()).isEqualTo(operation.path("x-service").asText()));
            assertThat(operation.path("x-audience").asText()).as(where).isNotEqualTo(PlatformDocument.INTERNAL);
            PlatformDocument.EDGE_ERRORS.keySet().forEach(status -> assertThat(operation.path("responses").has(status))
                    .as(where + " documents the edge's " + status).isTrue());
        });
    }

    /** "METHOD /path" to operation, in document order. */
    private static Map<String, JsonNode> operations(JsonNode root) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        root.path("paths").fields().forEachRemaining(item -> item.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                found.put(op.getKey().toUpperCase() + " " + item.getKey(), op.getValue());
            }
        }));
        return found;
    }

    private interface Visitor {
        void visit(String where, JsonNode node);
    }

    private static void walk(JsonNode node, String where, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(where, node);
            node.fields().forEachRemaining(e -> walk(e.getValue(), where + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visitor);
            }
        }
    }
}
