package com.swanstudios.user.mfa;

import com.swanstudios.platform.kit.security.AcceptsLimitedToken;
import com.swanstudios.platform.kit.security.AccessTokenClaims;
import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.auth.AuthResource;
import com.swanstudios.user.auth.AuthService;
import com.swanstudios.user.auth.PasswordRules;
import com.swanstudios.user.auth.RateLimits;
import com.swanstudios.user.token.AccessTokens;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's TOTP second factor: enrol, confirm, turn off. Enrolling works with a staff account's limited token. */
@Path("/api/users/me/mfa/totp")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Second factor", description = "TOTP (RFC 6238) from an authenticator app, with single-use recovery codes; "
        + "required for trainers and admins")
public class MfaResource {

    public record Code(@NotBlank @Size(max = 40) @Schema(description = "6 digits from the authenticator, or a recovery code")
            String code) {
    }

    public record Password(@Size(max = PasswordRules.MAX_UTF16) @Schema(nullable = true,
            description = "Your password; needed unless the token is the limited one of a first sign-in") String password) {
    }

    public record Disabling(@NotBlank @Size(max = PasswordRules.MAX_UTF16) @Schema(description = "Your password") String password,
            @NotBlank @Size(max = 40) @Schema(description = "6 digits from the authenticator, or a recovery code") String code) {
    }

    public record RecoveryCodesIssued(@Schema(description = "Ten single-use codes for when the authenticator is lost; "
            + "shown only now") List<String> recoveryCodes) {
    }

    private final MfaService mfa;
    private final AuthService auth;
    private final Caller caller;
    private final RateLimits limits;

    public MfaResource(MfaService mfa, AuthService auth, Caller caller, RateLimits limits) {
        this.mfa = mfa;
        this.auth = auth;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @AcceptsLimitedToken(MfaService.ENROLMENT_SCOPE)
    @Operation(operationId = "beginTotpEnrolment", summary = "Start enrolling an authenticator",
            description = "Answers a new secret and its `otpauth://` URI (show it as a QR code). Nothing changes at "
                    + "sign-in until a code from the app confirms it; calling again replaces an unconfirmed secret. "
                    + "Send your password, unless the token is the limited one a trainer or admin gets at a first "
                    + "sign-in (which the password has just opened): a stolen session alone cannot attach an authenticator.")
    @APIResponseSchema(value = MfaService.Enrolment.class, responseDescription = "The secret to put in an authenticator app")
    @APIResponse(responseCode = "403", description = "The password is missing or wrong")
    @APIResponse(responseCode = "409", description = "TOTP is already on for this account")
    @APIResponse(responseCode = "429", description = "Too many attempts for this account")
    public Uni<MfaService.Enrolment> begin(@Valid @RequestBody(required = false) Password password) {
        return caller.requireUserId().call(id -> caller.claim(AccessTokenClaims.SCOPE).chain(scope -> {
            if (scope.isPresent()) {
                return Uni.createFrom().voidItem();
            }
            limits.reauthenticate(id);
            return auth.reauthenticate(id, password == null || password.password() == null ? "" : password.password())
                    .replaceWithVoid();
        })).chain(mfa::begin);
    }

    @POST
    @Path("/confirm")
    @AcceptsLimitedToken(MfaService.ENROLMENT_SCOPE)
    @Operation(operationId = "confirmTotpEnrolment", summary = "Turn TOTP on with a first code",
            description = "From now on sign-in asks for a code. Answers ten recovery codes, once. A staff account's "
                    + "limited token stays limited: refresh the session for a token with your role.")
    @APIResponseSchema(value = RecoveryCodesIssued.class, responseDescription = "On; keep the recovery codes somewhere safe")
    @APIResponse(responseCode = "409", description = "No enrolment was started, or TOTP is already on")
    @APIResponse(responseCode = "429", description = "Too many attempts for this account")
    public Uni<RecoveryCodesIssued> confirm(@Valid @NotNull Code code) {
        return caller.requireUserId().invoke(limits::reauthenticate)
                .chain(id -> caller.claim(AccessTokens.SESSION_CLAIM)
                        .chain(session -> mfa.confirm(id, session.map(UUID::fromString).orElse(null), code.code())))
                .map(RecoveryCodesIssued::new);
    }

    @DELETE
    @Operation(operationId = "disableTotp", summary = "Turn TOTP off",
            description = "Proven by your password and a current code or a recovery code. Trainers and admins cannot "
                    + "turn it off.")
    @APIResponse(responseCode = "204", description = "Off; sign-in asks for the password only")
    @APIResponse(responseCode = "403", description = "The password or the code is wrong, or TOTP is not on")
    @APIResponse(responseCode = "409", description = "Staff must keep a second factor")
    @APIResponse(responseCode = "429", description = "Too many attempts for this account, or too many wrong codes")
    public Uni<Void> disable(@Valid @NotNull Disabling proof, @Context HttpServerRequest http) {
        return caller.requireUserId().invoke(limits::reauthenticate)
                .call(id -> auth.reauthenticate(id, proof.password()))
                .chain(id -> mfa.disable(id, proof.code(), AuthResource.address(http)));
    }
}
