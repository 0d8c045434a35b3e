package com.swanstudios.user.auth;

import com.swanstudios.user.account.RegistrationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-up and sessions. Register and login are rate-limited per client address and per account. */
@Path("/api/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;
    private final RateLimits limits;

    public AuthResource(AuthService auth, RateLimits limits) {
        this.auth = auth;
        this.limits = limits;
    }

    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull RegistrationRequest request, @Context HttpServerRequest http) {
        limits.register(address(http), request.email());
        return auth.register(request).map(session -> Response.status(201).entity(session).build());
    }

    @POST
    @Path("/login")
    public Uni<Session> login(@Valid @NotNull AuthRequests.Login request, @Context HttpServerRequest http) {
        limits.login(address(http), request.email());
        return auth.login(request.email(), request.password());
    }

    @POST
    @Path("/refresh")
    public Uni<Session> refresh(@Valid @NotNull AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    public Uni<Response> logout(@Valid @NotNull AuthRequests.Refresh request) {
        return auth.logout(request.refreshToken()).map(ignored -> Response.noContent().build());
    }

    /** The client's address; behind the gateway, the one it forwarded (quarkus.http.proxy settings). */
    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
