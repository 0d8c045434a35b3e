package com.swanstudios.cart.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a package to the cart; adding one already there raises its quantity. */
public record ItemRequest(@NotNull UUID packageId,
        @Schema(description = "How many to add (1 when absent); a line holds at most " + CartRules.MAX_QUANTITY)
        @Min(1) @Max(CartRules.MAX_QUANTITY) Integer quantity) {
}
