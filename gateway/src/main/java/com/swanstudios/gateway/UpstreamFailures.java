package com.swanstudios.gateway;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * When a service cannot be reached the client still gets problem+json: 503 when nothing listens (the
 * service is down or starting), 504 when it took too long, 502 for anything else that broke the exchange.
 */
class UpstreamFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private final String service;

    UpstreamFailures(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            int status = statusFor(failure);
            LOG.warnf("%s %s -> %s failed with %d: %s", context.request().getMethod(), context.request().getURI(), service,
                    status, failure.toString());
            String detail = switch (status) {
                case 503 -> service + " is not reachable right now; try again shortly";
                case 504 -> service + " did not answer in time";
                default -> service + " answered with something the gateway could not relay";
            };
            ProxyResponse response = context.request().response()
                    .setStatusCode(status)
                    .setStatusMessage(Problems.reason(status))
                    .setBody(Body.body(Buffer.buffer(Problems.json(status, Problems.slug(status), Problems.reason(status), detail,
                            context.request().getURI()))));
            response.headers().clear();
            response.putHeader("Content-Type", Problems.MEDIA_TYPE);
            if (status == 503) {
                response.putHeader("Retry-After", "5");
            }
            return Future.succeededFuture(response);
        });
    }

    static int statusFor(Throwable failure) {
        if (failure instanceof ConnectException && !(failure instanceof ConnectTimeoutException)) {
            return 503;
        }
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException
                || String.valueOf(failure.getMessage()).toLowerCase().contains("timeout")) {
            return 504;
        }
        if (failure instanceof HttpClosedException) {
            return 502;
        }
        return 502;
    }
}
