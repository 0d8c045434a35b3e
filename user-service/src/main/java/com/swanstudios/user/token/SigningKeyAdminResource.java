package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    @Operation(summary = "Publish a new signing key now; it signs from activatesAt (KEY_ACTIVATION_DELAY later)")
    public Uni<SigningKeys.Rotation> rotate() {
        return keys.rotate();
    }
}
