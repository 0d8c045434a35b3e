package com.swanstudios.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.time.Duration;

/** Where one service listens, and how long it may stay silent before the gateway answers 504. */
record UpstreamAddress(String service, String host, int port, Duration timeout) implements OriginRequestProvider {

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return context.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, host))
                .setIdleTimeout(timeout.toMillis()));
    }
}
