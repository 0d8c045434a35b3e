package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.security.AcceptsLimitedToken;
import com.swanstudios.user.account.RegistrationRequest;
import com.swanstudios.user.mfa.MfaService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** Sign-up and sessions. Register and login are rate-limited per client address and per account. */
@Path("/api/auth")
@PermitAll
// public operations that never read the bearer token: a client sending its limited one anyway can still refresh
@AcceptsLimitedToken(MfaService.ENROLMENT_SCOPE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Sign-up and sessions: access tokens (15 minutes) and refresh tokens")
public class AuthResource {

    private final AuthService auth;
    private final RateLimits limits;

    public AuthResource(AuthService auth, RateLimits limits) {
        this.auth = auth;
        this.limits = limits;
    }

    @POST
    @Path("/register")
    @ResponseStatus(201)
    @Operation(operationId = "register", summary = "Create an account and sign in",
            description = "Creates a `user` account and answers with a session, as login does.")
    @APIResponseSchema(value = Session.class, responseCode = "201", responseDescription = "Signed up and signed in")
    @APIResponse(responseCode = "409", description = "The email or the username is taken")
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this address or for this email")
    public Uni<Session> register(@Valid @NotNull RegistrationRequest request, @Context HttpServerRequest http) {
        limits.register(address(http), request.email());
        return auth.register(request, http.getHeader("User-Agent"));
    }

    @POST
    @Path("/login")
    @Operation(operationId = "login", summary = "Sign in with email and password",
            description = "Answers with a session: an access token for `Authorization: Bearer` and a refresh token. "
                    + "Where TOTP is on, the answer is `mfaRequired: true` and an `mfaToken` instead: finish with "
                    + "`POST /api/auth/login/mfa`. A trainer or admin without TOTP gets `mfaEnrolmentRequired: true` and "
                    + "an access token that can only enrol it.")
    @APIResponseSchema(value = Session.class, responseDescription = "Signed in, or a code is owed (mfaRequired)")
    @APIResponse(responseCode = "401", description = "The email or the password is wrong; or (`sign-in-link-sent`) the "
            + "password was right but the account had so many failed sign-ins that a link was mailed to finish with")
    @APIResponse(responseCode = "403", description = "The password is right but the account is suspended")
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this network (for this account, or in all)")
    public Uni<Session> login(@Valid @NotNull AuthRequests.Login request, @Context HttpServerRequest http) {
        return auth.login(request.email(), request.password(), address(http), http.getHeader("User-Agent"));
    }

    @POST
    @Path("/login/mfa")
    @Operation(operationId = "loginWithCode", summary = "Finish signing in with a second factor",
            description = "The `mfaToken` from the password step (5 minutes, 5 tries) and a code from the authenticator, "
                    + "or one of the recovery codes (each works once).")
    @APIResponseSchema(value = Session.class, responseDescription = "Signed in")
    @APIResponse(responseCode = "401", description = "The code is wrong or used (`invalid-code`), or the mfaToken is "
            + "unknown, expired, used or out of tries (`invalid-mfa-token`: sign in again)")
    @APIResponse(responseCode = "429", description = "Too many wrong codes from this network, or for this account")
    public Uni<Session> loginWithCode(@Valid @NotNull AuthRequests.SecondFactor request, @Context HttpServerRequest http) {
        return auth.loginWithCode(request.mfaToken(), request.code(), address(http), http.getHeader("User-Agent"));
    }

    @POST
    @Path("/login/link")
    @Operation(operationId = "loginWithLink", summary = "Sign in with a mailed sign-in link",
            description = "After many failed sign-ins on an account, the right password gets a one-time link mailed "
                    + "to the account's address instead of a session (`sign-in-link-sent`); its token signs in here, "
                    + "once, within 15 minutes.")
    @APIResponseSchema(value = Session.class, responseDescription = "Signed in")
    @APIResponse(responseCode = "400", description = "The link is unknown, expired or already used")
    public Uni<Session> loginWithLink(@Valid @NotNull AuthRequests.SignInLink request, @Context HttpServerRequest http) {
        return auth.loginWithLink(request.token(), http.getHeader("User-Agent"));
    }

    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token for a new session",
            description = "The refresh token is single-use: the answer carries its successor. Reusing a spent one "
                    + "ends the whole session family.")
    @APIResponseSchema(value = Session.class, responseDescription = "A new session; the old refresh token is spent")
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, expired, spent or revoked")
    public Uni<Session> refresh(@Valid @NotNull AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(operationId = "logout", summary = "End a session",
            description = "Revokes the refresh token; answers 204 whether or not it was still valid.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Uni<Void> logout(@Valid @NotNull AuthRequests.Refresh request) {
        return auth.logout(request.refreshToken());
    }

    /** The client's address; behind the gateway, the one it forwarded (quarkus.http.proxy settings). */
    public static String address(HttpServerRequest http) {
        return http.remoteAddress() == null || http.remoteAddress().hostAddress() == null ? "unknown"
                : http.remoteAddress().hostAddress();
    }
}
