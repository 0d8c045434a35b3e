package com.swanstudios.social.feed;

import com.swanstudios.platform.kit.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a reader is in the relevant order's ranked window: the window's newest post (so posts arriving meanwhile
 * do not move what the next page ranks) and how many of its ranked posts were shown. Opaque to clients like
 * {@link com.swanstudios.platform.kit.paging.IdCursor}'s, from which it is told apart by its prefix.
 */
record RelevantCursor(UUID top, int shown) {

    private static final String PREFIX = "relevant:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + top + ":" + shown).getBytes(StandardCharsets.UTF_8));
    }

    /** The relevant cursor a client sent back; null when the cursor is none or an id cursor; 400 when malformed. */
    static RelevantCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        try {
            int shown = Integer.parseInt(parts[1]);
            if (parts.length != 2 || shown < 0) {
                throw notIssued();
            }
            return new RelevantCursor(UUID.fromString(parts[0]), shown);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw notIssued();
        }
    }

    private static DomainException notIssued() {
        return DomainException.invalidField("cursor", "is not a cursor this service issued");
    }
}
