package com.swanstudios.user.mfa;

import com.swanstudios.platform.kit.openapi.Audience;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.account.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin takes a lost authenticator off someone's account. */
@Path("/api/admin/users/{id}/mfa/totp")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "User administration")
public class MfaAdminResource {

    private final MfaService mfa;
    private final Caller caller;

    public MfaAdminResource(MfaService mfa, Caller caller) {
        this.mfa = mfa;
        this.caller = caller;
    }

    @DELETE
    @Operation(operationId = "resetUserTotp", extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Take an account's second factor off (admin)",
            description = "For a user who lost both the authenticator and the recovery codes, once their identity was "
                    + "checked out of band. Their sessions end and their tokens are void; a trainer or admin enrols a "
                    + "new authenticator at the next sign-in.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such user, or it was erased")
    public Uni<Void> reset(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(admin -> mfa.reset(admin, id));
    }
}
