package com.swanstudios.cart.checkout;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem.FieldError;
import java.util.List;

/** 409 price-changed: the lines whose price moved (errors[], field {@code items/<itemId>}) and the new total. */
public class PriceChangedException extends DomainException {

    public PriceChangedException(List<FieldError> changes, long newTotalCents) {
        super(409, "price-changed", "Conflict", "Prices changed since you added these items; your cart now totals "
                + newTotalCents + " cents: review it and check out again", changes);
    }
}
