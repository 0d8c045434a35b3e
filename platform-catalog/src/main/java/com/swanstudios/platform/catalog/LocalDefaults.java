package com.swanstudios.platform.catalog;

/**
 * The documented local defaults: the values that make the local stack, the compose file and the local cluster
 * overlay work out of the box, written once. Every one of them is refused outside a developer's machine
 * ({@code SWAN_LOCAL_STACK} unset: the kit's ProductionGuard, user-service's and cart-service's own guards).
 */
public final class LocalDefaults {

    /** The first admin (a deployment sets ADMIN_EMAIL / ADMIN_PASSWORD from a secret). */
    public static final String ADMIN_EMAIL = "admin@swanstudios.local";
    public static final String ADMIN_PASSWORD = "local-admin-password";
    /** The local admin's TOTP secret (Base32), so local tools can compute its codes. */
    public static final String ADMIN_TOTP_SECRET = "SWANLOCALADMINTOTPSECRETONLY2345";
    /** What the simulated payment provider signs its events with. */
    public static final String WEBHOOK_SECRET = "whsec_local_stack_only";
    /** user-service's default signing-key encryption key (its application.properties), for a setup that must name it. */
    public static final String SIGNING_KEY_ENCRYPTION_KEY = "bG9jYWwtb25seS1zaWduaW5nLWtleS1lbmNyeXB0aW8=";

    private LocalDefaults() {
    }
}
