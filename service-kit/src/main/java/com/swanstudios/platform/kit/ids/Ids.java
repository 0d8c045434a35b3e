package com.swanstudios.platform.kit.ids;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Identifiers minted on this platform: UUID version 7 (RFC 9562), time-ordered so indexes stay compact. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
