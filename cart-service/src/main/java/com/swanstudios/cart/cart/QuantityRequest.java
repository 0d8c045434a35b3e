package com.swanstudios.cart.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Sets a line's quantity (remove the line to drop it). */
public record QuantityRequest(@NotNull @Min(1) @Max(CartRules.MAX_QUANTITY) Integer quantity) {
}
