package com.swanstudios.cart.sessions;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The slot to book (or to move a session to). */
public record BookingRequest(@NotNull UUID slotId) {
}
