package com.swanstudios.cart.sessions;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a session is cancelled (optional). */
public record CancelRequest(@Schema(nullable = true) @Size(max = 500) String reason) {

    static final CancelRequest NONE = new CancelRequest(null);
}
