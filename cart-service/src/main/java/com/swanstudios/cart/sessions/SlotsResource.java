package com.swanstudios.cart.sessions;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trainers' availability slots. Thin: rules live in {@link SlotService}. */
@Path("/api/training-sessions/slots")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Training sessions", description = "Trainers' availability, and the sessions clients book with their credits")
public class SlotsResource {

    private final SlotService slots;
    private final Caller caller;

    public SlotsResource(SlotService slots, Caller caller) {
        this.slots = slots;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishSlot", summary = "Publish an availability slot",
            description = "A trainer publishes a slot for themself, an admin for any trainer. Slots are in the future, at "
                    + "most a year ahead, and a trainer's slots never overlap.")
    @APIResponse(responseCode = "201", description = "The slot, open for booking",
            content = @Content(schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "403", description = "You are not a trainer, or name another trainer without being an admin")
    @APIResponse(responseCode = "409", description = "It overlaps another of the trainer's slots (slot-overlaps)")
    public Uni<Response> publish(@Valid @NotNull SlotRequest request) {
        return caller.actor().chain(actor -> slots.publish(actor.id(), actor.admin(), request))
                .map(slot -> Response.status(Response.Status.CREATED).entity(slot).build());
    }

    @GET
    @Operation(operationId = "listOpenSlots", summary = "Open slots",
            description = "Slots nobody has booked yet, soonest first, starting within [from, to): from defaults to now, to "
                    + "to 31 days after from, and the window is at most 92 days.")
    @APIResponse(responseCode = "200", description = "Open slots",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = SlotView.class)))
    @APIResponse(responseCode = "400", description = "A window that ends before it starts or is longer than 92 days")
    public Uni<List<SlotView>> open(@Parameter(description = "Only this trainer's") @QueryParam("trainerId") UUID trainerId,
            @Parameter(description = "ISO-8601 date-time") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time") @QueryParam("to") OffsetDateTime to,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return caller.requireUserId().chain(() -> slots.open(trainerId, from, to, limit));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "withdrawSlot", summary = "Withdraw a slot",
            description = "Withdraws an unbooked slot (its trainer or an admin); a booked one is cancelled through its session.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such slot of yours")
    @APIResponse(responseCode = "409", description = "The slot is booked (slot-booked)")
    public Uni<Response> withdraw(@PathParam("id") UUID id) {
        return caller.actor().chain(actor -> slots.withdraw(actor.id(), actor.admin(), id))
                .map(done -> Response.noContent().build());
    }
}
