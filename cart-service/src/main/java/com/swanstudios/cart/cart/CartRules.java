package com.swanstudios.cart.cart;

import com.swanstudios.platform.kit.problem.DomainException;

/** The cart's limits, the same as the schema's CHECKs, and the refusals a client can act on. */
final class CartRules {

    static final int MAX_QUANTITY = 10;
    static final int MAX_LINES = 20;

    private CartRules() {
    }

    static DomainException locked() {
        return new DomainException(409, "cart-locked", "Conflict",
                "A checkout is open for this cart: pay, or cancel it (POST /api/cart/checkout/cancel), before changing the cart");
    }

    static DomainException tooManyLines() {
        return new DomainException(409, "cart-full", "Conflict", "A cart holds at most " + MAX_LINES + " different packages");
    }

    static DomainException tooMany(int quantity) {
        return new DomainException(409, "quantity-limit", "Conflict",
                "A line holds at most " + MAX_QUANTITY + " of a package; this one would hold " + quantity);
    }
}
