package com.swanstudios.user.account;

import com.swanstudios.platform.kit.openapi.Audience;
import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.audit.AuditLog;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What only admins do to accounts: find them, change their role, suspend them. */
@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "User administration", description = "What only admins do to accounts")
public class AdminUsersResource {

    public record RoleChange(@NotBlank @Schema(enumeration = {"user", "client", "trainer", "admin"}) String role) {
    }

    public record StatusChange(
            @NotBlank @Pattern(regexp = "^(active|suspended)$", message = "must be active or suspended")
            @Schema(enumeration = {"active", "suspended"}) String status,
            @Size(max = 500) @Schema(nullable = true, description = "Why; required to suspend, kept while suspended")
            String reason) {
    }

    private final AccountService accounts;
    private final Caller caller;
    private final AuditLog audit;

    public AdminUsersResource(AccountService accounts, Caller caller, AuditLog audit) {
        this.accounts = accounts;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "searchUsers",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Find accounts (admin)",
            description = "Accounts matching every filter given, in sign-up order, a page at a time (follow `nextCursor`). "
                    + "`q` is found anywhere in the email, username or display name, ignoring case. Erased accounts "
                    + "appear only with `status=deleted`.")
    @APIResponseSchema(value = AccountViews.AdministeredPage.class, responseDescription = "One page of accounts")
    public Uni<AccountViews.AdministeredPage> search(
            @Parameter(description = "Text to find in email, username or display name")
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("role") @Pattern(regexp = "^(user|client|trainer|admin)$", message = "must be user, client, trainer or admin")
            @Parameter(schema = @Schema(enumeration = {"user", "client", "trainer", "admin"})) String role,
            @QueryParam("status") @Pattern(regexp = "^(active|suspended|deleted)$", message = "must be active, suspended or deleted")
            @Parameter(schema = @Schema(enumeration = {"active", "suspended", "deleted"})) String status,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return accounts.search(q, role, status, after, limit + 1).map(found -> {
            IdCursor.Slice<UserAccount> page = IdCursor.slice(found, limit, account -> account.id);
            return new AccountViews.AdministeredPage(page.items().stream().map(AccountViews.Administered::of).toList(),
                    page.nextCursor());
        });
    }

    @PUT
    @Path("/{id}/role")
    @Operation(operationId = "changeUserRole",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Change a user's role (admin)",
            description = "A promotion keeps the user signed in (their next refresh carries the new role); a demotion "
                    + "voids the access tokens they hold at every service at once (401 `token-revoked`, then they "
                    + "refresh). Other services learn the change through `identity.user.v1`.")
    @APIResponseSchema(value = AccountViews.Me.class, responseDescription = "The account after the change")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The change would leave the platform without an admin")
    public Uni<AccountViews.Me> changeRole(@PathParam("id") UUID id, @Valid @NotNull RoleChange change) {
        return caller.requireUserId().chain(actor -> accounts.changeRole(id, change.role())
                .invoke(account -> audit.record(AuditLog.Event.ROLE_CHANGE, actor, id, "changed", Map.of("role", account.role)))
                .map(AccountViews.Me::of));
    }

    @PUT
    @Path("/{id}/status")
    @Operation(operationId = "changeUserStatus",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            summary = "Suspend or reinstate an account (admin)",
            description = "A suspended account keeps its data but cannot sign in: its sessions end and its access "
                    + "tokens are void at every service at once. Other services see the status on `identity.user.v1`.")
    @APIResponseSchema(value = AccountViews.Administered.class, responseDescription = "The account after the change")
    @APIResponse(responseCode = "404", description = "No such user, or it was erased")
    @APIResponse(responseCode = "409", description = "The change would leave the platform without an admin")
    public Uni<AccountViews.Administered> changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        if (UserAccount.SUSPENDED.equals(change.status()) && (change.reason() == null || change.reason().isBlank())) {
            return Uni.createFrom().failure(DomainException.invalidField("reason", "is required to suspend an account"));
        }
        return caller.requireUserId().chain(actor -> accounts.changeStatus(id, change.status(), change.reason())
                .invoke(account -> audit.record(AuditLog.Event.STATUS_CHANGE, actor, id, account.status,
                        change.reason() == null ? Map.of() : Map.of("reason", change.reason())))
                .map(AccountViews.Administered::of));
    }
}
