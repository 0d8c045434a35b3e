package com.swanstudios.user.token;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.swanstudios.platform.kit.openapi.Audience;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation, for admins (under /api/admin/users so the gateway routes it here). */
@Path("/api/admin/users/signing-keys")
@RolesAllowed("admin")
@Tag(name = "User administration", description = "What only admins do to accounts")
public class SigningKeyAdminResource {

    private final SigningKeys keys;

    public SigningKeyAdminResource(SigningKeys keys) {
        this.keys = keys;
    }

    @POST
    @Path("/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateSigningKey",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Rotate the token signing key (admin)",
            description = "Requires the `admin` role. Publishes a new key in the JWKS now; it signs from `activatesAt` "
                    + "(KEY_ACTIVATION_DELAY later), so every verifier knows it first.")
    @APIResponseSchema(value = SigningKeys.Rotation.class, responseDescription = "The new key and when it starts signing")
    public Uni<SigningKeys.Rotation> rotate() {
        return keys.rotate();
    }
}
