package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Key rotation, for admins (under /api/admin/users so the gateway routes it here). */
@Path("/api/admin/users/signing-keys")
@RolesAllowed("admin")
public class SigningKeyAdminResource {

    private final SigningKeys keys;

    public SigningKeyAdminResource(SigningKeys keys) {
        this.keys = keys;
    }

    @POST
    @Path("/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> rotate() {
        return keys.rotate().map(kid -> Map.of("activeKeyId", kid));
    }
}
