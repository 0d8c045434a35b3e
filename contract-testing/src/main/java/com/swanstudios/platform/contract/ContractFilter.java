package com.swanstudios.platform.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each request a test sends to the application under test, and the response, against the document
 * that application serves at {@code /q/openapi}: an undocumented status, a missing or mistyped field, an
 * undocumented route or media type fails the test with the validator's report. Requests elsewhere (another
 * process, Quarkus's own {@code /q/} endpoints) pass unchecked.
 *
 * <p>Responses may carry no field the document does not list (the validator's default), so a field added to
 * a view without its schema fails the build. Requests may: the services ignore unknown fields, as the
 * documents allow. Not checked: whether a request carries the credentials its operation declares, because
 * tests send requests without them on purpose to see the documented 401.
 */
final class ContractFilter implements OrderedFilter {

    private static final String DOCUMENT = "/q/openapi?format=json";
    private static volatile boolean checkRequests = true;

    /** One pair of validators per application address (full, responses only), read once. */
    private final Map<String, Validators> byApplication = new ConcurrentHashMap<>();

    static void checkRequests(boolean value) {
        checkRequests = value;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != RestAssured.port || uri.getPath().startsWith("/q/")) {
            return context.next(request, response);
        }
        String application = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        Validators validators = byApplication.computeIfAbsent(application, Validators::load);
        return (checkRequests ? validators.full : validators.responsesOnly).filter(request, response, context);
    }

    /** After filters that set headers (so the request checked is the one sent), before none that matter. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    private record Validators(OpenApiValidationFilter full, OpenApiValidationFilter responsesOnly) {

        static Validators load(String application) {
            String document = NullableReferences.read(application + DOCUMENT);
            LevelResolver full = LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build();
            LevelResolver responsesOnly = LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build();
            return new Validators(filter(document, full), filter(document, responsesOnly));
        }

        private static OpenApiValidationFilter filter(String document, LevelResolver levels) {
            return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(levels)
                    .build());
        }
    }
}
