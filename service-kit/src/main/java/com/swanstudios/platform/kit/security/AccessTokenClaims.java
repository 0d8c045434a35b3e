package com.swanstudios.platform.kit.security;

/**
 * The shape of the platform's access tokens, issued by user-service and checked by every service
 * ({@link AccessTokenChecks}): explicitly typed (RFC 8725 section 3.11, RFC 9068), so no other JWT signed
 * with the same keys (a future ID token, an email link) can be used as one.
 */
public final class AccessTokenClaims {

    /** The {@code typ} header of an access token. */
    public static final String TYPE = "at+jwt";

    /**
     * Present only on a limited token: one issued for a single step (finishing a second factor's enrolment),
     * which every service refuses except on the operations that accept its value ({@link AcceptsLimitedToken}).
     * Such a token holds no platform role in {@code groups}, so no role check passes with it either.
     */
    public static final String SCOPE = "scope";

    private AccessTokenClaims() {
    }
}
