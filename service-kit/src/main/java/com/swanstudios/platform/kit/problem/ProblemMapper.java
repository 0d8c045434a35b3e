package com.swanstudios.platform.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.swanstudios.platform.kit.json.StrictJson.UnstorableText;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import com.swanstudios.platform.kit.security.TokenRevokedException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers: every error leaves a service as RFC 9457
 * problem+json, never as a stack trace. Client mistakes get a 4xx that says what to fix; anything
 * unexpected gets a 500 with an error id that is also in the log.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> domain(DomainException e, UriInfo uri) {
        if (e instanceof TooManyRequestsException limited) {
            return RestResponse.ResponseBuilder.<Problem>create(status(429), e.toProblem(path(uri)))
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", String.valueOf(limited.retryAfterSeconds()))
                    .build();
        }
        return answer(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e)) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return answer(Problem.of(400, "validation", "Validation Failed", detail, path(uri)).withErrors(errors));
    }

    /** Listed apart because quarkus-rest-jackson has its own mapper for exactly this type, which would win. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatched(MismatchedInputException e, UriInfo uri) {
        return answer(unreadableBody(e, path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uri) {
        return answer(unreadableBody(e, path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        Optional<JsonProcessingException> json = causeOfType(e, JsonProcessingException.class);
        if (json.isPresent()) {
            return answer(unreadableBody(json.get(), path(uri)));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "Send the body as application/json";
            default -> status.getReasonPhrase();
        };
        return answer(Problem.of(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(), detail, path(uri)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uri) {
        if (causeOfType(e, TokenRevokedException.class).isPresent()) {
            return RestResponse.ResponseBuilder.<Problem>create(status(401), Problem.of(401, "token-revoked", "Unauthorized",
                            "This access token was voided by a change to the account (role, status, password or "
                                    + "sessions); refresh it, or sign in again", path(uri)))
                    .type(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"token revoked\"")
                    .build();
        }
        return RestResponse.ResponseBuilder.<Problem>create(status(401), Problem.of(401, "unauthenticated", "Unauthorized",
                        "Send a valid access token: Authorization: Bearer <token>", path(uri)))
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problem.of(403, "forbidden", "Forbidden", "You may not do this", path(uri)));
    }

    /** Hibernate's own and the JPA flavour: either way two writers raced and this one lost. */
    @ServerExceptionMapper({StaleStateException.class, OptimisticLockException.class})
    public RestResponse<Problem> staleWrite(RuntimeException e, UriInfo uri) {
        return answer(Problem.of(409, "concurrent-modification", "Conflict",
                "The resource was changed by someone else meanwhile; read it again and retry", path(uri)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        Optional<DomainException> domain = causeOfType(e, DomainException.class);
        if (domain.isPresent()) {
            return domain(domain.get(), uri);
        }
        Optional<ConstraintViolationException> invalid = causeOfType(e, ConstraintViolationException.class);
        if (invalid.isPresent() && invalid.get() != e) {
            return invalid(invalid.get(), uri);
        }
        Optional<RuntimeException> stale = causeOfType(e, StaleStateException.class).map(RuntimeException.class::cast)
                .or(() -> causeOfType(e, OptimisticLockException.class));
        if (stale.isPresent()) {
            return staleWrite(stale.get(), uri);
        }
        Optional<Problem> fromDatabase = DatabaseErrors.toProblem(e, path(uri));
        if (fromDatabase.isPresent()) {
            return answer(fromDatabase.get());
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return answer(Problem.of(500, "internal", "Internal Server Error",
                "Something went wrong on our side; quote error id " + errorId + " when reporting it", path(uri)));
    }

    static RestResponse<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(status(problem.status()), problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static Response.StatusType status(int code) {
        Response.Status known = Response.Status.fromStatusCode(code);
        if (known != null) {
            return known;
        }
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return code == 422 ? "Unprocessable Content" : "Status " + code;
            }
        };
    }

    private static Problem unreadableBody(JsonProcessingException e, String instance) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof UnstorableText unstorable ? unstorable.reason()
                    : e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e instanceof InvalidFormatException f ? "cannot be read as " + f.getTargetType().getSimpleName()
                    : "has the wrong type";
            return Problem.of(400, "validation", "Validation Failed", field + ": " + message, instance)
                    .withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return Problem.of(400, "malformed-body", "Bad Request",
                "The request body is not one valid JSON value (nothing may follow it)", instance);
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().anyMatch(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
    }

    /** {@code create.request.email} becomes {@code email}: clients know fields, not Java parameters. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> properties = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(n -> n.getIndex() != null ? n.getName() + "[" + n.getIndex() + "]" : n.getName())
                .filter(n -> n != null && !n.startsWith("<"))
                .toList();
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return nodes.isEmpty() ? "request" : nodes.get(nodes.size() - 1).getName();
    }

    static <T extends Throwable> Optional<T> causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
