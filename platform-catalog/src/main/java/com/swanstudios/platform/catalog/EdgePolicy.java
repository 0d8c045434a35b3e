package com.swanstudios.platform.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the edge does to every exchange besides routing, said once for both edges: the local gateway applies
 * it in code, and the Kubernetes HTTPRoutes carry it as filters (deploy-manifests).
 */
public final class EdgePolicy {

    /** Set on every answer: no MIME sniffing, no referrer, never framed; HSTS where the edge serves HTTPS. */
    public static final Map<String, String> RESPONSE_HEADERS;
    public static final String HSTS_HEADER = "Strict-Transport-Security";
    public static final String HSTS = "max-age=31536000; includeSubDomains";
    /** Prefixes whose answers carry credentials or personal data: never stored by any cache. */
    public static final List<String> NO_STORE_PREFIXES = List.of("/api/auth", "/api/users/me");
    public static final String NO_STORE = "no-store";
    /**
     * Forwarding headers a client may not set: a service must only ever see the ones the edge vouches for
     * (X-Forwarded-For, -Proto and -Host, which the edge sets itself from the connection).
     */
    public static final List<String> CLIENT_FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-Port",
            "X-Forwarded-Prefix", "X-Forwarded-Server", "X-Forwarded-Ssl", "X-Real-IP");

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", "frame-ancestors 'none'");
        headers.put("X-Frame-Options", "DENY");
        RESPONSE_HEADERS = Collections.unmodifiableMap(headers);
    }

    private EdgePolicy() {
    }

    /** Whether answers on this path must not be stored: one of {@link #NO_STORE_PREFIXES}, as a path prefix. */
    public static boolean noStore(String path) {
        return NO_STORE_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
