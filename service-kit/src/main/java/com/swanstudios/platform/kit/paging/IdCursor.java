package com.swanstudios.platform.kit.paging;

import com.swanstudios.platform.kit.problem.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination by a row's id: the cursor is the last row's id, opaque to clients. A page is read with one more
 * row than it shows ({@code limit + 1}); whether that extra row came is whether there is a next page. With the
 * platform's time-ordered ids (UUIDv7) "after this id, newest first" is also "older than this row".
 */
public final class IdCursor {

    private IdCursor() {
    }

    /** A page's rows and where the next one starts (null on the last page). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    public static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The id a cursor names; null for none; 400 for a cursor this platform did not issue. */
    public static UUID decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("cursor", "is not a cursor this service issued");
        }
    }

    /** The first {@code limit} of rows read with {@code limit + 1}, and the cursor after them if more were there. */
    public static <T> Slice<T> slice(List<T> found, int limit, Function<T, UUID> id) {
        if (found.size() <= limit) {
            return new Slice<>(found, null);
        }
        List<T> page = found.subList(0, limit);
        return new Slice<>(List.copyOf(page), encode(id.apply(page.get(page.size() - 1))));
    }
}
