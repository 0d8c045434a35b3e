package com.swanstudios.gateway;

import com.swanstudios.platform.catalog.EdgePolicy;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The edge's response headers ({@link EdgePolicy}) on every answer, whoever made it (a service, or the
 * gateway's own problem or document): no MIME sniffing, no referrer, never framed, and HSTS when the client
 * came over HTTPS. Answers that carry credentials or personal data are never stored by any cache, whatever
 * the service said. The Kubernetes routes carry the same as filters.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void install(RoutingContext rc) {
        boolean https = rc.request().isSSL();
        boolean noStore = EdgePolicy.noStore(rc.normalizedPath());
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            EdgePolicy.RESPONSE_HEADERS.forEach(headers::set);
            if (https) {
                headers.set(EdgePolicy.HSTS_HEADER, EdgePolicy.HSTS);
            }
            if (noStore) {
                headers.set("Cache-Control", EdgePolicy.NO_STORE);
            }
        });
        rc.next();
    }
}
