package com.swanstudios.user.account;

import com.swanstudios.platform.kit.security.AcceptsLimitedToken;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.audit.AuditLog;
import com.swanstudios.user.auth.AuthRequests;
import com.swanstudios.user.auth.AuthResource;
import com.swanstudios.user.token.AccessTokens;
import com.swanstudios.user.auth.AuthService;
import com.swanstudios.user.auth.RateLimits;
import com.swanstudios.user.auth.Session;
import com.swanstudios.user.mfa.MfaService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import com.swanstudios.user.auth.PasswordRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.UUID;

/** The caller's own account ("me", from the token's subject) and other people's public profiles. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Your own account and other people's public profiles")
public class AccountResource {

    private final AccountService accounts;
    private final AuthService auth;
    private final Caller caller;
    private final AuditLog audit;
    private final RateLimits limits;

    public AccountResource(AccountService accounts, AuthService auth, Caller caller, AuditLog audit, RateLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.auth = auth;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Path("/me")
    @Authenticated
    @AcceptsLimitedToken(MfaService.ENROLMENT_SCOPE)
    @Operation(operationId = "getMyAccount", summary = "Your own account",
            description = "Everything the platform holds about you, including your email and private profile fields.")
    @APIResponseSchema(value = AccountViews.Me.class, responseDescription = "Your account")
    @APIResponse(responseCode = "404", description = "The account was erased")
    public Uni<AccountViews.Me> me() {
        return caller.requireUserId().chain(accounts::active).map(AccountViews.Me::of);
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateMyProfile", summary = "Change your profile",
            description = "JSON Merge Patch (RFC 7396): fields left out stay as they are, optional fields sent as "
                    + "null are cleared. Other services learn the change through `identity.user.v1`.")
    @APIResponseSchema(value = AccountViews.Me.class, responseDescription = "Your account after the change")
    @APIResponse(responseCode = "404", description = "The account was erased")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Uni<AccountViews.Me> changeProfile(@Valid @NotNull ProfileChange change) {
        return caller.requireUserId().chain(id -> accounts.changeProfile(id, change)).map(AccountViews.Me::of);
    }

    public record Erasure(@NotBlank @Size(max = PasswordRules.MAX_LENGTH) @Schema(description = "Your password, to confirm")
            String password,
            @Size(max = 40) @Schema(description = "Where TOTP is on: a current code, or a recovery code") String code) {
    }

    /** Erases the caller's personal data here and, through identity.user.v1, everywhere else. */
    @DELETE
    @Path("/me")
    @Authenticated
    @Operation(operationId = "eraseMyAccount", summary = "Erase your account",
            description = "Erases your personal data here and, through `identity.user.v1`, in every other service; "
                    + "your sessions end and your access tokens are void at once. Confirm with your password, and "
                    + "where TOTP is on with a code too.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "The password (or the code) is wrong")
    @APIResponse(responseCode = "404", description = "The account was already erased")
    @APIResponse(responseCode = "409", description = "You are the last admin")
    @APIResponse(responseCode = "429", description = "Too many attempts for this account, or too many wrong codes")
    public Uni<Void> erase(@Valid @NotNull Erasure confirmation, @Context HttpServerRequest http) {
        return caller.requireUserId()
                .invoke(limits::reauthenticate)
                .call(id -> auth.erase(id, confirmation.password(), confirmation.code(), AuthResource.address(http)))
                .invoke(id -> audit.record(AuditLog.Event.ERASURE, id, id, "erased"))
                .replaceWithVoid();
    }

    @PUT
    @Path("/me/password")
    @Authenticated
    @Operation(operationId = "changeMyPassword", summary = "Change your password",
            description = "Needs your current password. Every other session ends and every access token issued before "
                    + "is void at every service; the answer is a fresh session for this client.")
    @APIResponseSchema(value = Session.class, responseDescription = "Changed; a new session")
    @APIResponse(responseCode = "403", description = "The current password is wrong")
    @APIResponse(responseCode = "429", description = "Too many attempts for this account")
    public Uni<Session> changePassword(@Valid @NotNull AuthRequests.PasswordChange change, @Context HttpServerRequest http) {
        return caller.requireUserId().chain(id -> {
            limits.reauthenticate(id);
            return caller.claim(AccessTokens.SESSION_CLAIM).chain(session -> auth.changePassword(id,
                    session.map(UUID::fromString).orElse(null), change.currentPassword(), change.newPassword(),
                    http.getHeader("User-Agent")));
        });
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getProfile", summary = "Someone's public profile",
            description = "A public profile shows its profile fields; a followers-only or private one only who the "
                    + "user is. Trainer fields appear for trainers only. Never email or date of birth.")
    @APIResponseSchema(value = AccountViews.PublicProfile.class, responseDescription = "The profile")
    @APIResponse(responseCode = "404", description = "No such user, or the user was erased")
    public Uni<AccountViews.PublicProfile> profile(@PathParam("id") UUID id) {
        return caller.userId().chain(viewer -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> accounts.publicProfile(id, viewer.orElse(null), admin)));
    }
}
