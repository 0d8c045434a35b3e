package com.swanstudios.social.connection;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Connections over HTTP. Thin: rules live in {@link ConnectionService} and {@link ConnectionRules}. */
@Path("/api/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Connections", description = "Follows, friendships and trainer–client links between members, and blocks")
public class ConnectionResource {

    private static final String NOT_YOURS = "No such connection, or not one of yours";
    private static final String USER_HIDDEN = "No such user known here, or one a block hides from you";
    private static final String PROFILE_PRIVATE = "profile-private: the user's profile is not public, and you are not one of "
            + "their accepted followers or friends";

    private final ConnectionService connections;
    private final Caller caller;

    public ConnectionResource(ConnectionService connections, Caller caller) {
        this.connections = connections;
        this.caller = caller;
    }

    @POST
    @Path("/connections")
    @Operation(operationId = "createConnection", summary = "Follow, befriend or link with a trainer or client",
            description = "Asks another member for a connection. A follow of a public profile is accepted at once, of "
                    + "any other pending until they accept; friend and trainer_client requests are pending until the "
                    + "other accepts. trainer_client joins a trainer and a member who is not a trainer, whichever asks. "
                    + "One follow per direction, one friend and one trainer_client connection per pair.")
    @APIResponse(responseCode = "201", description = "The connection, accepted or pending",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "The target is you, or the body breaks the schema")
    @APIResponse(responseCode = "403", description = "Your account is not active (account-inactive)")
    @APIResponse(responseCode = "404", description = USER_HIDDEN)
    @APIResponse(responseCode = "409", description = "Such a connection exists already (connection-exists), the target "
            + "is not active (target-inactive), or your account is not known here yet (requester-unknown)")
    @APIResponse(responseCode = "422", description = "A trainer_client connection without exactly one trainer "
            + "(trainer-client-roles)")
    public Uni<Response> create(@Valid @NotNull NewConnection request) {
        return caller.requireUserId().chain(requester -> connections.create(requester, request))
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @PUT
    @Path("/connections/{id}")
    @Operation(operationId = "answerConnection", summary = "Accept, decline or block",
            description = "The member asked accepts or declines a request (a declined one may still be accepted "
                    + "later); either side blocks, which ends the pair's other connections and hides both from each "
                    + "other until whoever blocked deletes the block.")
    @APIResponseSchema(value = ConnectionView.class, responseDescription = "The connection after the change")
    @APIResponse(responseCode = "403", description = "Only the member asked answers a request")
    @APIResponse(responseCode = "404", description = NOT_YOURS)
    @APIResponse(responseCode = "409", description = "The connection is blocked (connection-blocked), or accepted "
            + "and cannot be declined (connection-accepted)")
    public Uni<ConnectionView> answer(@PathParam("id") UUID id, @Valid @NotNull ConnectionAnswer answer) {
        return caller.requireUserId().chain(actor -> connections.answer(actor, id, answer.status()));
    }

    @DELETE
    @Path("/connections/{id}")
    @Operation(operationId = "deleteConnection", summary = "End a connection",
            description = "Unfollows, unfriends, withdraws a request or lifts a block: either side (a block only whoever "
                    + "set it), or an admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Only whoever blocked lifts a block")
    @APIResponse(responseCode = "404", description = NOT_YOURS)
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> connections.delete(actor, id));
    }

    @GET
    @Path("/users/{id}/followers")
    @Operation(operationId = "listFollowers", summary = "A user's followers",
            description = "Who follows the user (accepted follows), the most recent first, a page at a time. A profile "
                    + "that is not public shows it only to the user, their accepted followers and friends, and admins.")
    @APIResponseSchema(value = UserPage.class, responseDescription = "A page of users")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = PROFILE_PRIVATE)
    @APIResponse(responseCode = "404", description = USER_HIDDEN)
    public Uni<UserPage> followers(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.actor().chain(actor -> connections.followers(actor, id, after, limit));
    }

    @GET
    @Path("/users/{id}/following")
    @Operation(operationId = "listFollowing", summary = "Whom a user follows",
            description = "The users this user follows (accepted follows), the most recent first, a page at a time. A "
                    + "profile that is not public shows it only to the user, their accepted followers and friends, and admins.")
    @APIResponseSchema(value = UserPage.class, responseDescription = "A page of users")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = PROFILE_PRIVATE)
    @APIResponse(responseCode = "404", description = USER_HIDDEN)
    public Uni<UserPage> following(@PathParam("id") UUID id,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.actor().chain(actor -> connections.following(actor, id, after, limit));
    }
}
