package com.swanstudios.platform.kit.security;

import com.swanstudios.platform.kit.problem.DomainException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as proven by the access token user-service signed: {@code sub} is the user's UUID and
 * {@code groups} holds the role. Services ask this, never an id sent in a body or path, for "who am I".
 * Authentication is lazy and resolving it may verify a token, so every answer is a {@link Uni}.
 */
@ApplicationScoped
public class Caller {

    public static final String ADMIN = "admin";

    private final CurrentIdentityAssociation identities;

    public Caller(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Optional<UUID>> userId() {
        return identities.getDeferredIdentity().map(Caller::subject);
    }

    /** The caller's id, or 401 when the request carries no valid token. */
    public Uni<UUID> requireUserId() {
        return userId().map(id -> id.orElseThrow(() -> new DomainException(401, "unauthenticated", "Unauthorized",
                "Send a valid access token: Authorization: Bearer <token>")));
    }

    /** A claim of the caller's verified token, if they sent one that has it. */
    public Uni<Optional<String>> claim(String name) {
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getClaim(name) == null
                ? Optional.empty() : Optional.of(String.valueOf((Object) token.getClaim(name))));
    }

    public Uni<Boolean> hasRole(String role) {
        return identities.getDeferredIdentity().map(identity -> !identity.isAnonymous() && identity.hasRole(role));
    }

    /** Who calls, and whether as an admin: what an owner-or-admin rule needs. */
    public record Actor(UUID id, boolean admin) {
    }

    /** 401 without a token; else the caller's id and whether they are an admin. */
    public Uni<Actor> actor() {
        return requireUserId().chain(id -> hasRole(ADMIN).map(admin -> new Actor(id, admin)));
    }

    /** 401 without a token, 403 unless the caller is an admin. */
    public Uni<Void> requireAdmin(String forWhat) {
        return requireUserId().chain(() -> hasRole(ADMIN)).invoke(admin -> {
            if (!admin) {
                throw DomainException.forbidden("Only an admin may " + forWhat);
            }
        }).replaceWithVoid();
    }

    private static Optional<UUID> subject(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
