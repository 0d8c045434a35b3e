package com.swanstudios.cart.payments;

import com.swanstudios.platform.kit.openapi.Audience;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An admin's refund of an order. Thin: rules live in {@link Refunds}. */
@Path("/api/orders/{id}/refund")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Orders")
public class RefundResource {

    /** Why the order is refunded. */
    public record RefundRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final Refunds refunds;
    private final Caller caller;

    public RefundResource(Refunds refunds, Caller caller) {
        this.refunds = refunds;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refundOrder", summary = "Refund an order (admin)",
            extensions = @Extension(name = Audience.EXTENSION, value = Audience.ADMIN),
            description = "Takes the order's session credits back (refused when some were already used) and has the payment "
                    + "provider return the money. Repeating the call finishes an interrupted refund and never refunds twice.")
    @APIResponseSchema(value = Refunds.Refund.class, responseDescription = "The refunded order and the credits reversed")
    @APIResponse(responseCode = "403", description = "You are not an admin")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is not paid (order-not-refundable), or fewer of its credits "
            + "remain unspent than it granted (credits-spent)")
    @APIResponse(responseCode = "503", description = "Credits reversed, money not yet returned by the provider: repeat the call")
    public Uni<Refunds.Refund> refund(@PathParam("id") UUID id, @Valid @NotNull RefundRequest request) {
        return caller.requireAdmin("refund orders").chain(() -> caller.requireUserId())
                .chain(admin -> refunds.refund(admin, id, request.reason().strip()));
    }
}
