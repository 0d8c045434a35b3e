package com.swanstudios.platform.kit.openapi;

import com.swanstudios.platform.kit.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The rules every service's OpenAPI document follows, applied to what Quarkus scanned from the code, so a
 * document cannot forget them. It runs once, when a service is built (Quarkus's {@code @OpenApiFilter}), on
 * every service that has the kit:
 * <ul>
 * <li>every error response carries the one error body, {@code application/problem+json} ({@link Problem}),
 * with the headers the kit sends with it ({@code WWW-Authenticate} on 401, {@code Retry-After} on 429);</li>
 * <li>errors the kit itself answers are listed where they can happen: 401 and 403 on secured operations,
 * 404 where the path names a resource, 400 where query parameters or a body are read, 413 and 415 where a
 * body is read;</li>
 * <li>an operation without a security requirement says it is public ({@code security: []});</li>
 * <li>the response shapes say which fields are always there: every property of a schema that only
 * responses use is required (views serialize every field; those that may be null say so with
 * {@code nullable}).</li>
 * <li>the standard HTTP headers that responses name by reference ({@code @Header(ref = "ETag")}:
 * {@link #STANDARD_HEADERS}) are defined once, in components, when a document uses them.</li>
 * </ul>
 * What only the code knows (a 409, 412, 422, 428 or 429 of its own) is declared on the resource method with
 * {@code @APIResponse(responseCode = ...)}; this filter gives it the problem body.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PlatformOpenApiFilter implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "The request is invalid: the problem's errors[] names each field to fix",
            "401", "No valid access token was sent (Authorization: Bearer <token>)",
            "403", "The caller may not do this",
            "404", "No such resource",
            "413", "The body is larger than the service accepts",
            "415", "The body is not in a media type this operation reads");

    /** Response headers a service may reference by name; defined in a document only if it uses them. */
    public static final Map<String, String> STANDARD_HEADERS = Map.of(
            "ETag", "The representation's entity tag: send it back in If-None-Match (reads) or If-Match (writes)",
            "Cache-Control", "How long shared caches and clients may keep the answer");
    private static final String HEADER_REF_PREFIX = "#/components/headers/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        operations(openAPI).forEach(this::completeOperation);
        inlineScalarSchemas(openAPI, components);
        requireResponseFields(openAPI);
        defineReferencedHeaders(openAPI, components);
    }

    /**
     * Scanning turns java.util.UUID, java.time.OffsetDateTime and the like into component schemas that are a
     * mere string with a format; a client generator then makes a type of each (and clashes with Java's own
     * names). They are written in place instead, where they are used.
     */
    private static void inlineScalarSchemas(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> scalars = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() == null && schema.getItems() == null && schema.getType() != null
                    && !schema.getType().contains(Schema.SchemaType.OBJECT) && !schema.getType().contains(Schema.SchemaType.ARRAY)
                    && schema.getEnumeration() == null) {
                scalars.put(name, schema);
            }
        });
        List<Schema> roots = new ArrayList<>(components.getSchemas().values());
        operations(openAPI).forEach(operation -> {
            roots.addAll(requestSchemas(operation));
            roots.addAll(responseSchemas(operation, true));
        });
        roots.forEach(root -> inline(root, scalars));
        scalars.keySet().forEach(components::removeSchema);
    }

    /**
     * Scanning writes a nullable UUID or time as {@code anyOf: [<string with a format>, {enum: [null]}]}, which
     * OpenAPI 3.0 readers (validators, client generators) take as "never null"; it becomes the string itself,
     * nullable.
     */
    private static boolean onlyNull(Schema schema) {
        return List.of(Schema.SchemaType.NULL).equals(schema.getType()) || schema.getEnumeration() != null
                && schema.getEnumeration().size() == 1 && schema.getEnumeration().get(0) == null;
    }

    private static void collapseNullableScalar(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf == null || anyOf.size() != 2) {
            return;
        }
        Schema onlyNull = anyOf.stream().filter(PlatformOpenApiFilter::onlyNull).findFirst().orElse(null);
        Schema value = anyOf.get(0) == onlyNull ? anyOf.get(1) : anyOf.get(0);
        if (onlyNull == null || value.getRef() != null || value.getProperties() != null || value.getType() == null) {
            return;
        }
        List<Schema.SchemaType> type = new ArrayList<>(value.getType());
        type.add(Schema.SchemaType.NULL);
        schema.setAnyOf(null);
        schema.setType(type);
        schema.setFormat(value.getFormat());
        schema.setPattern(value.getPattern());
    }

    private static void inline(Schema schema, Map<String, Schema> scalars) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_REF_PREFIX)) {
            Schema target = scalars.get(schema.getRef().substring(SCHEMA_REF_PREFIX.length()));
            if (target != null) {
                schema.setRef(null);
                schema.setType(target.getType());
                schema.setFormat(target.getFormat());
                schema.setPattern(target.getPattern());
                if (schema.getDescription() == null) {
                    schema.setDescription(target.getDescription());
                }
            }
            return;
        }
        children(schema).forEach(child -> inline(child, scalars));
        collapseNullableScalar(schema);
    }

    private static void defineReferencedHeaders(OpenAPI openAPI, Components components) {
        operations(openAPI).stream()
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getHeaders() != null)
                .flatMap(response -> response.getHeaders().values().stream())
                .map(Header::getRef).filter(Objects::nonNull).filter(ref -> ref.startsWith(HEADER_REF_PREFIX))
                .map(ref -> ref.substring(HEADER_REF_PREFIX.length())).distinct()
                .forEach(name -> {
                    String description = STANDARD_HEADERS.get(name);
                    if (description == null) {
                        throw new IllegalStateException("Unknown standard header '" + name + "' in an @Header(ref); "
                                + "known: " + STANDARD_HEADERS.keySet());
                    }
                    components.addHeader(name, header(description));
                });
    }

    private void completeOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        } else {
            addIfMissing(responses, "401");
            addIfMissing(responses, "403");
        }
        boolean namesResource = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (namesResource) {
            addIfMissing(responses, "404");
        }
        boolean readsQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if (readsQuery) {
            addIfMissing(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "400");
            addIfMissing(responses, "413");
            addIfMissing(responses, "415");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                describeProblem(status, response);
            }
        });
    }

    private static void addIfMissing(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(STANDARD_ERRORS.get(status)));
        }
    }

    private static void describeProblem(String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (STANDARD_ERRORS.containsKey(status) && isGeneric(response.getDescription())) {
            response.setDescription(STANDARD_ERRORS.get(status));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        if ("401".equals(status)) {
            response.addHeader("WWW-Authenticate", header("Always Bearer: send an access token"));
        }
        if ("429".equals(status)) {
            response.addHeader("Retry-After", header("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
        }
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** Quarkus's own placeholders for the responses it adds, which say nothing to a client. */
    private static boolean isGeneric(String description) {
        return description == null || description.isBlank() || Set.of("Not Authorized", "Not Allowed", "Bad Request")
                .contains(description);
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    /** Schemas that only responses reference (directly or through other schemas) get every property required. */
    private static void requireResponseFields(OpenAPI openAPI) {
        if (openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        operations(openAPI).forEach(operation -> {
            requestSchemas(operation).forEach(s -> reach(s, schemas, inRequests));
            responseSchemas(operation, false).forEach(s -> reach(s, schemas, inResponses));
        });
        inResponses.removeAll(inRequests);
        inResponses.remove(PROBLEM);
        inResponses.remove(FIELD_ERROR);
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.required(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    /** The schemas of what an operation reads: its parameters and its request body. */
    private static List<Schema> requestSchemas(Operation operation) {
        List<Schema> found = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().stream().map(Parameter::getSchema).filter(Objects::nonNull).forEach(found::add);
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            found.addAll(mediaSchemas(operation.getRequestBody().getContent()));
        }
        return found;
    }

    /** The schemas of what an operation answers: its successes, and its errors when {@code withErrors}. */
    private static List<Schema> responseSchemas(Operation operation, boolean withErrors) {
        List<Schema> found = new ArrayList<>();
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if ((withErrors || !isError(status)) && response.getContent() != null) {
                    found.addAll(mediaSchemas(response.getContent()));
                }
            });
        }
        return found;
    }

    private static List<Schema> mediaSchemas(Content content) {
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull).toList();
    }

    /** The schemas written inside {@code schema}: properties, items, additional properties, compositions. */
    private static Stream<Schema> children(Schema schema) {
        Stream<Schema> properties = schema.getProperties() == null ? Stream.empty() : schema.getProperties().values().stream();
        Stream<Schema> composed = Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull).flatMap(List::stream);
        return Stream.of(properties, Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema()), composed)
                .flatMap(s -> s).filter(Objects::nonNull);
    }

    /** Adds the names of the component schemas reachable from {@code schema} to {@code names}. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMA_REF_PREFIX)) {
            String name = schema.getRef().substring(SCHEMA_REF_PREFIX.length());
            if (names.add(name)) {
                reach(schemas.get(name), schemas, names);
            }
            return;
        }
        children(schema).forEach(child -> reach(child, schemas, names));
    }

    /** Every operation of the document, path by path. */
    private static List<Operation> operations(OpenAPI openAPI) {
        return openAPI.getPaths() == null ? List.of() : openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> operations(item).stream()).toList();
    }

    private static List<Operation> operations(PathItem item) {
        Map<PathItem.HttpMethod, Operation> byMethod = item.getOperations();
        return byMethod == null ? List.of() : new ArrayList<>(new LinkedHashMap<>(byMethod).values());
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a request")
                .addProperty("field", text("The field, as a JSON path from the body's root (or the parameter's name)"))
                .addProperty("message", text("What is wrong with it"))
                .required(List.of("field", "message"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail: the one error body of every service")
                .addProperty("type", text("A URI naming the kind of problem, under " + Problem.TYPE_BASE
                        + "; clients switch on it").format("uri"))
                .addProperty("title", text("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", text("What went wrong this time, for a human"))
                .addProperty("instance", text("The path of the request that failed"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Each invalid field, on a validation failure (400)")
                        .items(OASFactory.createSchema().ref(SCHEMA_REF_PREFIX + FIELD_ERROR)))
                .required(List.of("type", "title", "status"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
