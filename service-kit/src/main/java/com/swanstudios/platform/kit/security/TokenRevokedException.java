package com.swanstudios.platform.kit.security;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A valid signature on a token that a later revocation voided: the client should refresh it. Travels as the
 * cause of the {@link AuthenticationFailedException} (which is final) that the security layer reports.
 */
public class TokenRevokedException extends RuntimeException {

    private TokenRevokedException() {
        super("The access token was issued before the account's tokens were revoked", null, false, false);
    }

    static AuthenticationFailedException failure() {
        return new AuthenticationFailedException(new TokenRevokedException());
    }
}
