package com.swanstudios.cart.checkout;

import com.swanstudios.cart.orders.OrderView;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checking out the caller's cart, and abandoning a checkout. Thin: rules live in {@link CheckoutService}. */
@Path("/api/cart/checkout")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Cart")
public class CheckoutResource {

    static final int MAX_KEY_LENGTH = 255;

    private final CheckoutService checkouts;
    private final Caller caller;

    public CheckoutResource(CheckoutService checkouts, Caller caller) {
        this.checkouts = checkouts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkout", summary = "Check out your cart",
            description = "Re-prices your cart against the catalog, creates the order pending_payment and opens a payment "
                    + "page (open 30 minutes); your cart is locked until the payment ends. Repeating the request with the same "
                    + "Idempotency-Key and body answers the same order. The body may be empty.")
    @APIResponse(responseCode = "201", description = "The order, waiting for its payment at checkoutUrl",
            content = @Content(schema = @Schema(implementation = CheckoutView.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or one longer than 255 characters")
    @APIResponse(responseCode = "409", description = "price-changed (the cart now has the new prices: review and check out "
            + "again), cart-empty, package-inactive, or checkout-open")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for another request")
    @APIResponse(responseCode = "503", description = "The payment provider did not answer; retry with the same key")
    public Uni<Response> checkout(
            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                    description = "Your key for this checkout (1 to 255 characters): a retry with it never makes a second order")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid CheckoutRequest request) {
        return Uni.createFrom().deferred(() -> {
            requireKey(idempotencyKey);
            return caller.requireUserId().chain(user -> checkouts.checkout(user, idempotencyKey,
                    request == null ? CheckoutRequest.EMPTY : request));
        }).map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("/cancel")
    @Operation(operationId = "cancelCheckout", summary = "Abandon your open checkout",
            description = "Ends the payment page, cancels the pending order and unlocks your cart.")
    @APIResponseSchema(value = OrderView.class, responseDescription = "The cancelled order")
    @APIResponse(responseCode = "409", description = "No checkout is open (no-checkout-open), or it was paid meanwhile "
            + "(order-paid)")
    @APIResponse(responseCode = "503", description = "The payment provider did not answer; nothing changed, retry")
    public Uni<OrderView> cancel() {
        return caller.requireUserId().chain(checkouts::cancel);
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new DomainException(400, "idempotency-key-required", "Bad Request",
                    "Send an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH + " characters, new for each checkout you mean");
        }
    }
}
