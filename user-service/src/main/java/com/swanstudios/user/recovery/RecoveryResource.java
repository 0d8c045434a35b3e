package com.swanstudios.user.recovery;

import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.account.AccountViews;
import com.swanstudios.user.auth.AuthResource;
import com.swanstudios.user.auth.PasswordRules;
import com.swanstudios.user.auth.RateLimits;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Proving a mailbox: verifying the address signed up with, and resetting a forgotten password. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Account recovery", description = "Email verification and password reset, by single-use links mailed to you")
public class RecoveryResource {

    public record Link(@NotBlank @Size(max = 100) String token) {
    }

    public record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record Reset(@NotBlank @Size(max = 100) String token,
            @NotBlank @Size(min = PasswordRules.MIN_LENGTH, max = PasswordRules.MAX_UTF16, message = "must be 12 to 128 characters")
            String newPassword) {
    }

    private final RecoveryService recovery;
    private final Caller caller;
    private final RateLimits limits;

    public RecoveryResource(RecoveryService recovery, Caller caller, RateLimits limits) {
        this.recovery = recovery;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @Path("/verify-email")
    @PermitAll
    @Operation(operationId = "verifyEmail", summary = "Confirm your email address",
            description = "With the token of the link mailed at sign-up (valid 7 days, once). Other services learn "
                    + "through `identity.user.v1` that you may now publish.")
    @APIResponseSchema(value = AccountViews.Me.class, responseDescription = "Verified")
    @APIResponse(responseCode = "400", description = "The link is unknown, expired or already used")
    public Uni<AccountViews.Me> verify(@Valid @NotNull Link link) {
        return recovery.verify(link.token()).map(AccountViews.Me::of);
    }

    @POST
    @Path("/verify-email/resend")
    @Authenticated
    @ResponseStatus(202)
    @Operation(operationId = "resendVerificationEmail", summary = "Mail the verification link again",
            description = "A new link replaces the earlier ones; nothing is sent once the address is verified.")
    @APIResponse(responseCode = "202", description = "A new link is on its way (unless already verified)")
    @APIResponse(responseCode = "429", description = "Too many mails asked for this account")
    public Uni<Void> resend() {
        return caller.requireUserId().invoke(limits::mail).chain(recovery::resendVerification);
    }

    @POST
    @Path("/password-reset")
    @PermitAll
    @ResponseStatus(202)
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password-reset link",
            description = "Answers 202 whatever the address: if an account has it, a link valid 30 minutes (once) "
                    + "is mailed there.")
    @APIResponse(responseCode = "202", description = "Asked")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or for this email")
    public Uni<Void> requestReset(@Valid @NotNull ResetRequest request, @Context HttpServerRequest http) {
        limits.passwordReset(AuthResource.address(http), request.email());
        return recovery.requestReset(request.email());
    }

    @POST
    @Path("/password-reset/confirm")
    @PermitAll
    @Operation(operationId = "confirmPasswordReset", summary = "Choose a new password with a reset link",
            description = "The link works once. Every session ends and every access token issued before is void; "
                    + "the address counts as verified. Then sign in with the new password.")
    @APIResponse(responseCode = "204", description = "The password is changed")
    @APIResponse(responseCode = "400", description = "The link is unknown, expired or used, or the password is unfit")
    public Uni<Void> confirmReset(@Valid @NotNull Reset reset) {
        return recovery.confirmReset(reset.token(), reset.newPassword());
    }
}
