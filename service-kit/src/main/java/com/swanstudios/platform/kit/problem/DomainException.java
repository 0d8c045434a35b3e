package com.swanstudios.platform.kit.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule of the domain said no. Services throw it (or a subclass) with a message a client can act on; the
 * one mapper in {@link ProblemMapper} turns it into problem+json with the given status.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> fieldErrors;

    public DomainException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public DomainException(int status, String slug, String title, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static DomainException notFound(String what) {
        return new DomainException(404, "not-found", "Not Found", what + " does not exist");
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "conflict", "Conflict", detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "forbidden", "Forbidden", detail);
    }

    public static DomainException preconditionFailed(String detail) {
        return new DomainException(412, "precondition-failed", "Precondition Failed", detail);
    }

    /** A request that is well-formed JSON but breaks a rule about one field. */
    public static DomainException invalidField(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** A request that is well-formed JSON but breaks rules about these fields: a 400 naming each. */
    public static DomainException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new DomainException(400, "validation", "Validation Failed", detail, errors);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        Problem problem = Problem.of(status, slug, title, getMessage(), instance);
        return fieldErrors.isEmpty() ? problem : problem.withErrors(fieldErrors);
    }
}
