package com.swanstudios.cart.checkout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checkout of the caller's cart; the body may be empty ({@code {}}). */
public record CheckoutRequest(
        @Schema(nullable = true, description = "The total the buyer was shown, in cents: when the cart's total at checkout "
                + "differs, the answer is 409 price-changed instead of an order")
        @Min(1) @Max(1_000_000_000L) Long expectedTotalCents) {

    static final CheckoutRequest EMPTY = new CheckoutRequest(null);
}
