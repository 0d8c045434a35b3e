package com.swanstudios.user.account;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import com.swanstudios.platform.kit.openapi.Audience;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What only admins do to accounts. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "User administration", description = "What only admins do to accounts")
public class AdminUsersResource {

    public record RoleChange(@NotBlank @Schema(enumeration = {"user", "client", "trainer", "admin"}) String role) {
    }

    private final AccountService accounts;

    public AdminUsersResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @PUT
    @Path("/{id}/role")
    @Operation(operationId = "changeUserRole",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Change a user's role (admin)",
            description = "Requires the `admin` role. Other services learn the change through `identity.user.v1`.")
    @APIResponseSchema(value = AccountViews.Me.class, responseDescription = "The account after the change")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The change would leave the platform without an admin")
    public Uni<AccountViews.Me> changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return accounts.changeRole(id, change.role()).map(AccountViews.Me::of);
    }
}
