package com.swanstudios.platform.kit.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.events.PoisonMessageException;
import com.swanstudios.platform.kit.inbox.IncomingEvent;
import java.io.IOException;

/** Reads a probe event's body; what a consumer cannot use is poison. */
public final class ProbeBodies {

    private ProbeBodies() {
    }

    static String text(ObjectMapper json, IncomingEvent event) {
        try {
            JsonNode body = json.readTree(event.payload());
            if (body == null || !body.hasNonNull("text")) {
                throw new PoisonMessageException("probe event without text");
            }
            return body.get("text").asText();
        } catch (IOException e) {
            throw new PoisonMessageException("probe event is not JSON", e);
        }
    }
}
