package com.swanstudios.gateway;

import com.swanstudios.platform.catalog.EdgePolicy;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.UUID;

/**
 * What the edge adds to every proxied exchange: a request id (kept if the client sent one) on the way in
 * and out, and the forwarding headers. A client's own {@code Forwarded}, {@code X-Forwarded-*} and
 * {@code X-Real-IP} never reach a service: they are removed, and the ones the edge vouches for (address,
 * scheme, host) are set from the connection. W3C {@code traceparent}/{@code tracestate} pass through untouched.
 */
class EdgeHeaders implements ProxyInterceptor {

    static final String REQUEST_ID = "X-Request-Id";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        String requestId = request.headers().get(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        context.set(REQUEST_ID, requestId);
        EdgePolicy.CLIENT_FORWARDING_HEADERS.forEach(request.headers()::remove);
        var incoming = request.proxiedRequest();
        if (incoming.remoteAddress() != null) {
            request.headers().set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
        }
        request.headers().set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            request.headers().set("X-Forwarded-Host", incoming.authority().toString());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers().set(REQUEST_ID, context.get(REQUEST_ID, String.class));
        return context.sendResponse();
    }
}
