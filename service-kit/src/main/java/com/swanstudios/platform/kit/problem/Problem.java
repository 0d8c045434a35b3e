package com.swanstudios.platform.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the one error body every service answers with
 * ({@code application/problem+json}). {@code errors} lists each invalid field of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URIs; ours live under one base so clients can switch on them. */
    public static final String TYPE_BASE = "https://swanstudios.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }
}
