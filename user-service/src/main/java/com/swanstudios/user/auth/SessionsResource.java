package com.swanstudios.user.auth;

import com.swanstudios.platform.kit.security.Caller;
import com.swanstudios.user.token.AccessTokens;
import com.swanstudios.user.token.RefreshTokens;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's sessions (one per sign-in, kept alive by refreshes) and signing out of them. */
@Path("/api/users/me/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Where you are signed in, and signing out there")
public class SessionsResource {

    @Schema(name = "SessionInfo", description = "One place you are signed in")
    public record SessionView(UUID id, OffsetDateTime startedAt, OffsetDateTime lastRefreshedAt,
            @Schema(description = "When it ends unless refreshed before (never later than 30 days after the sign-in)")
            OffsetDateTime expiresAt,
            @Schema(nullable = true, description = "The client that signed in, as it named itself") String userAgent,
            @Schema(description = "Whether this is the session of the token making this request") boolean current) {
    }

    @Schema(name = "SessionList")
    public record Sessions(List<SessionView> items) {
    }

    private final AuthService auth;
    private final Caller caller;

    public SessionsResource(AuthService auth, Caller caller) {
        this.auth = auth;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMySessions", summary = "Where you are signed in",
            description = "Your sessions that can still be refreshed, the most recently refreshed first.")
    @APIResponseSchema(value = Sessions.class, responseDescription = "Your live sessions")
    public Uni<Sessions> list() {
        return caller.requireUserId().chain(user -> caller.claim(AccessTokens.SESSION_CLAIM)
                .chain(current -> auth.sessions(user).map(live -> new Sessions(live.stream()
                        .map(s -> view(s, current.map(s.id().toString()::equals).orElse(false))).toList()))));
    }

    @DELETE
    @Operation(operationId = "signOutEverywhere", summary = "Sign out everywhere",
            description = "Ends every session, this one included, and voids every access token you hold at every "
                    + "service at once.")
    @APIResponse(responseCode = "204", description = "Signed out everywhere")
    public Uni<Void> endAll() {
        return caller.requireUserId().chain(auth::endAllSessions);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "endMySession", summary = "Sign out one session",
            description = "Ends that session: its refresh token stops working; its access token lapses within 15 minutes.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "You have no live session with that id")
    public Uni<Void> end(@PathParam("id") UUID id) {
        return caller.requireUserId().chain(user -> auth.endSession(user, id));
    }

    private static SessionView view(RefreshTokens.LiveSession s, boolean current) {
        return new SessionView(s.id(), s.startedAt(), s.lastRefreshedAt(), s.expiresAt(), s.userAgent(), current);
    }
}
