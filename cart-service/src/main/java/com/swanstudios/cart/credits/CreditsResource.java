package com.swanstudios.cart.credits;

import com.swanstudios.platform.kit.paging.IdCursor;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** Your session credits: the balance and the ledger behind it; an admin's corrections. */
@Path("/api/credits")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Credits", description = "Session credits: granted by paid orders, spent by bookings, every change a ledger entry")
public class CreditsResource {

    private final CreditLedger ledger;
    private final Caller caller;

    public CreditsResource(CreditLedger ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyCredits", summary = "Your session credits",
            description = "Your balance and your ledger entries, newest first, a page at a time.")
    @APIResponseSchema(value = CreditStatement.class, responseDescription = "Your balance and a page of entries")
    @APIResponse(responseCode = "400", description = "A cursor this service did not issue, or a limit outside 1 to 100")
    public Uni<CreditStatement> mine(@Parameter(description = "From a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        UUID after = IdCursor.decode(cursor);
        return caller.requireUserId().chain(user -> Panache.withSession(() -> ledger.statement(user, after, limit)));
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adjustCredits", summary = "Correct a user's balance (admin)",
            description = "Adds an adjusted entry of the given amount (negative to take credits away) with its reason; it "
                    + "cannot take the balance below zero.")
    @APIResponse(responseCode = "201", description = "The entry and the balance after it",
            content = @Content(schema = @Schema(implementation = CreditEvent.class)))
    @APIResponse(responseCode = "403", description = "You are not an admin")
    @APIResponse(responseCode = "409", description = "The balance would go below zero (insufficient-credits)")
    public Uni<Response> adjust(@Valid @NotNull CreditAdjustment adjustment) {
        if (adjustment.amount() == 0) {
            return Uni.createFrom().failure(DomainException.invalidField("amount", "must not be 0"));
        }
        return caller.requireAdmin("adjust session credits").chain(() -> caller.requireUserId())
                .chain(admin -> Panache.withTransaction(() -> ledger.add(new CreditLedger.Entry(adjustment.userId(),
                        CreditLedger.Kind.ADJUSTED, adjustment.amount(), null, null, adjustment.reason().strip(), admin))))
                .map(entry -> Response.status(Response.Status.CREATED).entity(entry).build());
    }
}
