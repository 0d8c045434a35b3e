package com.swanstudios.platform.kit.openapi;

/**
 * Who an operation is for, as the OpenAPI extension {@value #EXTENSION} on it:
 * {@code @Extension(name = Audience.EXTENSION, value = Audience.ADMIN)}. Operations without it are for every
 * client. The platform's merged document keeps admin operations (marked) and leaves internal ones out, since
 * the edge does not route them.
 */
public final class Audience {

    public static final String EXTENSION = "x-audience";
    /** Routed by the edge, but only the platform role {@code admin} may call it. */
    public static final String ADMIN = "admin";
    /** Not routed by the edge: operators reach it on the service itself. */
    public static final String INTERNAL = "internal";

    private Audience() {
    }
}
