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

/** What only admins do to accounts. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    public record RoleChange(@NotBlank String role) {
    }

    private final AccountService accounts;

    public AdminUsersResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @PUT
    @Path("/{id}/role")
    public Uni<AccountViews.Me> changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return accounts.changeRole(id, change.role()).map(AccountViews.Me::of);
    }
}
