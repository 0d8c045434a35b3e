package com.swanstudios.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A 204 or 304 has no content (RFC 9110 §6.4.1), so it leaves the edge with neither a body nor
 * {@code Transfer-Encoding}. vertx-http-proxy relays an upstream answer of unknown length as chunked, which
 * for these statuses announces a body that never comes: clients that honour the header then fail on every
 * conditional GET (Python's urllib raises IncompleteRead) or mis-read the next response on the connection.
 */
class BodilessStatuses implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        int status = response.getStatusCode();
        if (status == 204 || status == 304) {
            response.setBody(null);
            response.headers().remove(HttpHeaders.TRANSFER_ENCODING);
            if (status == 204) {
                response.headers().remove(HttpHeaders.CONTENT_LENGTH);
            }
        }
        return context.sendResponse();
    }
}
