package com.swanstudios.platform.kit.security;

import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as proven by the access token user-service signed: {@code sub} is the user's UUID and
 * {@code groups} holds the role. Services ask this, never an id sent in a body or path, for "who am I".
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Optional<UUID> userId() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The caller's id, or 401 when the request carries no valid token. */
    public UUID requireUserId() {
        return userId().orElseThrow(() -> new DomainException(401, "unauthenticated", "Unauthorized",
                "Send a valid access token: Authorization: Bearer <token>"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** 403 unless the caller is an admin. */
    public void requireAdmin() {
        requireUserId();
        if (!isAdmin()) {
            throw DomainException.forbidden("Only an admin may do this");
        }
    }
}
