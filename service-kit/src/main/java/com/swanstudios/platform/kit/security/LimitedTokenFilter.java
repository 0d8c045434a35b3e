package com.swanstudios.platform.kit.security;

import com.swanstudios.platform.kit.problem.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A limited token (one carrying {@link AccessTokenClaims#SCOPE}) is good only where an operation says it accepts
 * that scope: everywhere else, at every service, it answers 403 {@code limited-token}. A request without an
 * Authorization header costs nothing here; a token that does not verify is left for the operation to refuse
 * (a public one ignores it, as before).
 */
public class LimitedTokenFilter {

    private final Caller caller;

    LimitedTokenFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Void> refuseOutsideItsScope(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return caller.claim(AccessTokenClaims.SCOPE)
                .onFailure().recoverWithItem(Optional.empty())
                .invoke(scope -> {
                    if (scope.isPresent() && !accepts(resource, scope.get())) {
                        throw new DomainException(403, "limited-token", "Forbidden", "This token is only good for "
                                + scope.get() + "; finish that step, then refresh the session for a full token");
                    }
                })
                .replaceWithVoid();
    }

    private static boolean accepts(ResourceInfo resource, String scope) {
        AcceptsLimitedToken accepted = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(AcceptsLimitedToken.class);
        if (accepted == null && resource.getResourceClass() != null) {
            accepted = resource.getResourceClass().getAnnotation(AcceptsLimitedToken.class);
        }
        return accepted != null && accepted.value().equals(scope);
    }
}
