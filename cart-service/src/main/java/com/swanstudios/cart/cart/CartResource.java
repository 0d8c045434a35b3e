package com.swanstudios.cart.cart;

import com.swanstudios.platform.kit.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's cart over HTTP. Thin: rules live in {@link CartService}. */
@Path("/api/cart")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Cart", description = "Your cart: packages to buy, at the prices captured when added")
public class CartResource {

    private final CartService carts;
    private final Caller caller;

    public CartResource(CartService carts, Caller caller) {
        this.carts = carts;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getCart", summary = "Your cart", description = "Your open cart, created empty on first use.")
    @APIResponseSchema(value = CartView.class, responseDescription = "Your cart")
    public Uni<CartView> get() {
        return caller.requireUserId().chain(carts::current);
    }

    @POST
    @Path("/items")
    @Operation(operationId = "addCartItem", summary = "Add a package",
            description = "Adds a package at its current price; adding one already in the cart raises that line's quantity.")
    @APIResponse(responseCode = "201", description = "Your cart after the change", content = @Content(schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "404", description = "No such package in the catalog")
    @APIResponse(responseCode = "409", description = "The package is no longer on sale, a limit was reached, or a checkout "
            + "is open (cart-locked)")
    public Uni<Response> add(@Valid @NotNull ItemRequest request) {
        return caller.requireUserId().chain(user -> carts.add(user, request))
                .map(cart -> Response.status(Response.Status.CREATED).entity(cart).build());
    }

    @PATCH
    @Path("/items/{itemId}")
    @Operation(operationId = "updateCartItem", summary = "Change a line's quantity",
            description = "Sets the quantity of one line of your cart (1 to 10); the price stays the one captured when the line was added.")
    @APIResponseSchema(value = CartView.class, responseDescription = "Your cart after the change")
    @APIResponse(responseCode = "404", description = "No such line in your cart")
    @APIResponse(responseCode = "409", description = "A checkout is open (cart-locked)")
    public Uni<CartView> update(@PathParam("itemId") UUID itemId, @Valid @NotNull QuantityRequest request) {
        return caller.requireUserId().chain(user -> carts.update(user, itemId, request.quantity()));
    }

    @DELETE
    @Path("/items/{itemId}")
    @Operation(operationId = "removeCartItem", summary = "Remove a line",
            description = "Removes one line from your cart.")
    @APIResponseSchema(value = CartView.class, responseDescription = "Your cart after the change")
    @APIResponse(responseCode = "404", description = "No such line in your cart")
    @APIResponse(responseCode = "409", description = "A checkout is open (cart-locked)")
    public Uni<CartView> remove(@PathParam("itemId") UUID itemId) {
        return caller.requireUserId().chain(user -> carts.remove(user, itemId));
    }
}
