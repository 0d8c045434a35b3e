package com.swanstudios.user.account;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The caller's own account ("me", from the token's subject) and other people's public profiles. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final Caller caller;

    public AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<AccountViews.Me> me() {
        return caller.requireUserId().chain(accounts::active).map(AccountViews.Me::of);
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<AccountViews.Me> changeProfile(@Valid @NotNull ProfileChange change) {
        return caller.requireUserId().chain(id -> accounts.changeProfile(id, change)).map(AccountViews.Me::of);
    }

    /** Erases the caller's personal data here and, through identity.user.v1, everywhere else. */
    @DELETE
    @Path("/me")
    @Authenticated
    public Uni<Response> erase() {
        return caller.requireUserId().chain(accounts::erase).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<AccountViews.PublicProfile> profile(@PathParam("id") UUID id) {
        return caller.userId().chain(viewer -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> accounts.publicProfile(id, viewer.orElse(null), admin)));
    }
}
