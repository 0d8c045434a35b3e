package com.swanstudios.community.event;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A community's events over HTTP. Thin: rules live in {@link EventRules}, the transactions in the services. */
@Path("/api/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Events", description = "Events communities host: answer going, interested or not going; a waiting list beyond capacity")
public class CommunityEventResource {

    private static final String HIDDEN = "No such community or event, or an event of a private community you are not a "
            + "member of (its existence is not shown)";

    private final EventService events;
    private final AttendanceService attendance;
    private final Caller caller;

    public CommunityEventResource(EventService events, AttendanceService attendance, Caller caller) {
        this.events = events;
        this.attendance = attendance;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/events")
    @Operation(operationId = "createEvent", summary = "Host an event",
            description = "A moderator or above of the community (an active account with a verified email) hosts an "
                    + "event: a title, start and end (at most 31 days apart, ending in the future), a place or an "
                    + "https:// link (or both) and a capacity of 1 to 10,000. Hosting is for moderators and above "
                    + "because an event speaks for the community and asks its members to turn up.")
    @APIResponse(responseCode = "201", description = "The event as created",
            content = @Content(schema = @Schema(implementation = EventView.class)))
    @APIResponse(responseCode = "400", description = "The body breaks the schema; the end is not after the start, more "
            + "than 31 days after it or already past; neither place nor link; a link that is not https://")
    @APIResponse(responseCode = "403", description = "You are not a moderator or above here, or your account may not "
            + "publish (account-inactive, email-unverified)")
    @APIResponse(responseCode = "404", description = "No such community")
    @APIResponse(responseCode = "409", description = "Your account is not known here yet (account-unknown)")
    public Uni<Response> create(@PathParam("id") UUID id, @Valid @NotNull NewEvent request) {
        return caller.requireUserId().chain(actor -> events.create(actor, id, request))
                .map(event -> Response.status(Response.Status.CREATED).entity(event).build());
    }

    @GET
    @Path("/{id}/events")
    @Operation(operationId = "listEvents", summary = "A community's events",
            description = "The events that end after from (now when left out) and start before to (when given), by "
                    + "start, a page at a time, cancelled ones included. A private community's are listed to its "
                    + "members only.")
    @APIResponseSchema(value = EventView.Page.class, responseDescription = "A page of events")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 date-time, to not after from, a cursor "
            + "this service did not issue for this list, or a limit outside 1 to 100")
    @APIResponse(responseCode = "403", description = "The community is private and you are not a member (members-only)")
    @APIResponse(responseCode = "404", description = "No such community")
    public Uni<EventView.Page> list(@PathParam("id") UUID id,
            @Parameter(description = "ISO-8601 date-time; events ending after it (default now)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date-time; events starting before it",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        OffsetDateTime start = from == null || from.isBlank() ? OffsetDateTime.now() : time("from", from);
        OffsetDateTime end = to == null || to.isBlank() ? null : time("to", to);
        if (end != null && !end.isAfter(start)) {
            throw DomainException.invalidField("to", "must be after from");
        }
        return caller.requireUserId().chain(viewer -> events.list(viewer, id, start, end, after, limit));
    }

    @GET
    @Path("/{id}/events/{eventId}")
    @Operation(operationId = "getEvent", summary = "One event",
            description = "An event with how many go, wait and are interested, and your own answer and place.")
    @APIResponseSchema(value = EventView.class, responseDescription = "The event")
    @APIResponse(responseCode = "404", description = HIDDEN)
    public Uni<EventView> get(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        return caller.requireUserId().chain(viewer -> events.get(viewer, id, eventId));
    }

    @PUT
    @Path("/{id}/events/{eventId}/attendance")
    @Operation(operationId = "answerEvent", summary = "Answer going, interested or not going",
            description = "A member's answer. Going takes a confirmed place while the capacity has one, else the next "
                    + "place on the waiting list (first come, first served); answering going again keeps the place you "
                    + "have. When a confirmed attendee drops out (another answer, leaving the community), the first on "
                    + "the waiting list is confirmed.")
    @APIResponseSchema(value = AttendanceView.class, responseDescription = "Your answer and, for going, your place")
    @APIResponse(responseCode = "400", description = "An answer other than going, interested or not_going")
    @APIResponse(responseCode = "403", description = "Only the community's members answer (members-only), or your "
            + "account is not active (account-inactive)")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "The event was cancelled (event-cancelled) or ended (event-ended), "
            + "or your account is not known here yet (account-unknown)")
    public Uni<AttendanceView> answer(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId,
            @Valid @NotNull AttendanceAnswer answer) {
        return caller.requireUserId().chain(user -> attendance.answer(user, id, eventId, answer.answer()));
    }

    @PATCH
    @Path("/{id}/events/{eventId}")
    @Operation(operationId = "changeEvent", summary = "Change an event",
            description = "A moderator or above changes an event that has not ended: the fields given, within the "
                    + "rules of hosting one. The capacity may grow (the first of the waiting list are confirmed at once) "
                    + "but not fall below the number already confirmed.")
    @APIResponseSchema(value = EventView.class, responseDescription = "The event as changed")
    @APIResponse(responseCode = "400", description = "The body breaks the schema; the changed event would end before it "
            + "starts, more than 31 days after it or in the past, or have a link that is not https://")
    @APIResponse(responseCode = "403", description = "You are not a moderator or above here, or your account is not active")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "The event was cancelled (event-cancelled) or ended (event-ended); "
            + "the capacity is below those confirmed (capacity-below-confirmed); your account is not known here yet "
            + "(account-unknown)")
    public Uni<EventView> change(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId,
            @Valid @NotNull EventChange change) {
        return caller.requireUserId().chain(actor -> events.change(actor, id, eventId, change));
    }

    @POST
    @Path("/{id}/events/{eventId}/cancel")
    @Operation(operationId = "cancelEvent", summary = "Cancel an event",
            description = "A moderator or above cancels an event that has not ended; everyone going (confirmed or "
                    + "waiting) is told through community.activity.v1 (com.swanstudios.community.event.cancelled).")
    @APIResponseSchema(value = EventView.class, responseDescription = "The event, cancelled")
    @APIResponse(responseCode = "403", description = "You are not a moderator or above here, or your account is not active")
    @APIResponse(responseCode = "404", description = HIDDEN)
    @APIResponse(responseCode = "409", description = "The event was cancelled already (event-cancelled) or ended "
            + "(event-ended), or your account is not known here yet (account-unknown)")
    public Uni<EventView> cancel(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId) {
        return caller.requireUserId().chain(actor -> events.cancel(actor, id, eventId));
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-05-01T09:00:00Z");
        }
    }
}
