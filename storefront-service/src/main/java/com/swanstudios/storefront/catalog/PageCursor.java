package com.swanstudios.storefront.catalog;

import com.swanstudios.platform.kit.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Where the next page starts: after this (display order, id). Opaque to clients. */
record PageCursor(int displayOrder, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((displayOrder + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            return new PageCursor(Integer.parseInt(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.invalidField("cursor", "is not a cursor this service issued");
        }
    }
}
