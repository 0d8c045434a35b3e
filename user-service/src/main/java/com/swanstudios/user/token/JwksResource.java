package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys every service verifies access tokens with. */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Uni<Response> jwks() {
        return keys.jwks().map(jwks -> Response.ok(jwks).cacheControl(CacheControl.valueOf("public, max-age=60")).build());
    }
}
