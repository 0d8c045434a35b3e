package com.swanstudios.storefront.catalog;

import com.swanstudios.platform.kit.problem.DomainException;
import java.util.Arrays;
import java.util.List;

/**
 * Conditional requests (RFC 9110, section 13) over the ETags this service issues: a package's version
 * ({@code "3"}) and a listing page's digest ({@code W/"..."}).
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * {@code If-None-Match} uses the weak comparison: {@code "3"} and {@code W/"3"} are the same tag (proxies
     * weaken ETags when they compress). {@code *} matches anything; a list matches when any member does.
     */
    static boolean noneMatch(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        return tags(ifNoneMatch).stream().anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque));
    }

    /**
     * The version an {@code If-Match} header asks for, or {@code null} for {@code *} (any current version).
     * Writes must carry one: without it a concurrent change would be overwritten silently (428).
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(428, "precondition-required", "Precondition Required",
                    "Send If-Match with the package's ETag, so a concurrent change is not overwritten");
        }
        List<String> tags = tags(ifMatch);
        if (tags.equals(List.of("*"))) {
            return null;
        }
        if (tags.size() != 1) {
            throw DomainException.preconditionFailed("If-Match must name one ETag, the one you read, such as \"3\"");
        }
        try {
            return Long.parseLong(opaque(tags.get(0)));
        } catch (NumberFormatException e) {
            throw DomainException.preconditionFailed("If-Match must be an ETag this service issued, such as \"3\"");
        }
    }

    private static List<String> tags(String header) {
        return Arrays.stream(header.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String opaque(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"") ? strong.substring(1, strong.length() - 1) : strong;
    }
}
