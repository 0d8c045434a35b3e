package com.swanstudios.platform.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test class or method that sends requests its service's OpenAPI document does not allow, on purpose
 * (bad bodies, wrong media types, unknown routes): its requests are not checked against the document, its
 * responses still are, so every refusal it provokes must be a documented one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SendsInvalidRequests {

    /** Why: what the test sends that the document refuses. */
    String value();
}
