package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The public keys every service verifies access tokens with, and their rotation. */
@Path("/")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        return Response.ok(keys.jwks()).cacheControl(CacheControl.valueOf("public, max-age=300")).build();
    }

    @POST
    @Path("api/admin/users/signing-keys/rotate")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> rotate() {
        return keys.rotate().map(kid -> Map.of("activeKeyId", kid));
    }
}
