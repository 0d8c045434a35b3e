package com.swanstudios.cart.sessions;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booked training sessions. Thin: rules live in {@link BookingService}. */
@Path("/api/training-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training sessions")
public class SessionsResource {

    private final BookingService bookings;
    private final Caller caller;

    public SessionsResource(BookingService bookings, Caller caller) {
        this.bookings = bookings;
        this.caller = caller;
    }

    /** One page of sessions. */
    @Schema(name = "TrainingSessionPage")
    public record SessionPage(List<SessionView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }

    /** What an actor does to a session: (actor, is admin) to the answer. */
    private interface Act {
        Uni<SessionView> as(UUID actor, boolean admin);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bookTrainingSession", summary = "Book a slot",
            description = "Books an open slot for one session credit, spent in the same transaction. One booking per slot; "
                    + "you never hold two sessions at once.")
    @APIResponse(responseCode = "201", description = "The session, scheduled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such slot")
    @APIResponse(responseCode = "409", description = "No credit left (insufficient-credits), the slot is taken (slot-taken) "
            + "or past (slot-past), it is your own (own-slot), or you have a session then (session-overlaps)")
    public Uni<Response> book(@Valid @NotNull BookingRequest request) {
        return caller.requireUserId().chain(client -> bookings.book(client, request.slotId()))
                .map(session -> Response.status(Response.Status.CREATED).entity(session).build());
    }

    @GET
    @Path("/me")
    @Operation(operationId = "listMyTrainingSessions", summary = "Your sessions",
            description = "The sessions you booked and those you train, newest booking first; as=client or as=trainer "
                    + "for one side.")
    @APIResponseSchema(value = SessionPage.class, responseDescription = "A page of sessions")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    public Uni<SessionPage> mine(
            @Parameter(schema = @Schema(enumeration = {"client", "trainer"})) @QueryParam("as")
            @Pattern(regexp = "^(client|trainer)$", message = "must be client or trainer") String side,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(user -> bookings.mine(user, side, after, limit))
                .map(page -> new SessionPage(page.items(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTrainingSession", summary = "One session", description = "A session you booked or train (an admin: any).")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The session")
    @APIResponse(responseCode = "404", description = "No such session of yours")
    public Uni<SessionView> get(@PathParam("id") UUID id) {
        return act((actor, admin) -> bookings.get(actor, admin, id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelTrainingSession", summary = "Cancel a session",
            description = "Cancels a scheduled or confirmed session. The credit comes back (refunded: true) when its client "
                    + "cancels 24 hours or more before the start, and always when its trainer or an admin cancels; a later "
                    + "cancellation by the client keeps it. The body may be empty.")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The cancelled session")
    @APIResponse(responseCode = "404", description = "No such session of yours")
    @APIResponse(responseCode = "409", description = "It is no longer scheduled or confirmed (session-not-cancellable)")
    public Uni<SessionView> cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        String reason = (request == null ? CancelRequest.NONE : request).reason();
        return act((actor, admin) -> bookings.cancel(actor, admin, id, reason));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleTrainingSession", summary = "Move a session to another slot",
            description = "Cancels your session and books the other slot in one transaction, under the same rules (a move "
                    + "less than 24 hours ahead keeps the old credit and spends another). Either both happen or neither.")
    @APIResponse(responseCode = "201", description = "The new session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session of yours, or no such slot")
    @APIResponse(responseCode = "409", description = "As for a cancellation and a booking")
    public Uni<Response> reschedule(@PathParam("id") UUID id, @Valid @NotNull BookingRequest request) {
        return caller.requireUserId().chain(client -> bookings.reschedule(client, id, request.slotId()))
                .map(session -> Response.status(Response.Status.CREATED).entity(session).build());
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmTrainingSession", summary = "Confirm a session (its trainer)",
            description = "The session's trainer (or an admin) confirms a scheduled session.")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The confirmed session")
    @APIResponse(responseCode = "403", description = "You are its client, not its trainer")
    @APIResponse(responseCode = "404", description = "No such session of yours")
    @APIResponse(responseCode = "409", description = "It is not scheduled (session-status)")
    public Uni<SessionView> confirm(@PathParam("id") UUID id) {
        return act((actor, admin) -> bookings.confirm(actor, admin, id));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(operationId = "completeTrainingSession", summary = "Mark a session completed (its trainer)",
            description = "The session's trainer (or an admin) marks a scheduled or confirmed session completed, once it "
                    + "has started.")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The completed session")
    @APIResponse(responseCode = "403", description = "You are its client, not its trainer")
    @APIResponse(responseCode = "404", description = "No such session of yours")
    @APIResponse(responseCode = "409", description = "It has not started (session-not-started) or already ended (session-status)")
    public Uni<SessionView> complete(@PathParam("id") UUID id) {
        return act((actor, admin) -> bookings.complete(actor, admin, id));
    }

    @POST
    @Path("/{id}/no-show")
    @Operation(operationId = "markTrainingSessionNoShow", summary = "Mark a no-show (its trainer)",
            description = "The session's trainer (or an admin) records that the client did not come, once the session has "
                    + "started; the credit is kept.")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The session, no_show")
    @APIResponse(responseCode = "403", description = "You are its client, not its trainer")
    @APIResponse(responseCode = "404", description = "No such session of yours")
    @APIResponse(responseCode = "409", description = "It has not started (session-not-started) or already ended (session-status)")
    public Uni<SessionView> noShow(@PathParam("id") UUID id) {
        return act((actor, admin) -> bookings.noShow(actor, admin, id));
    }

    private Uni<SessionView> act(Act act) {
        return caller.actor().chain(actor -> act.as(actor.id(), actor.admin()));
    }
}
