package com.swanstudios.gateway;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Installs the route table of {@code platform.json} on the HTTP router: each prefix is reverse-proxied to
 * its service (vertx-http-proxy), whose address comes from {@code <SERVICE>_URL} or defaults to the local
 * stack's port. Paths under {@code /api} that no route claims get a problem+json 404 here, except
 * {@value #DOCS}: the platform's API documents and Swagger UI, served from the classpath.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /** After every route; before Quarkus's own handlers would answer with a non-problem 404. */
    private static final int UNROUTED_ORDER = 10_000;
    /** Before everything, the static documents included. */
    private static final int SECURITY_HEADERS_ORDER = -10_000;
    /** The platform's API documents and Swagger UI: static resources (platform-api, META-INF/resources). */
    static final String DOCS = "/api/docs";
    /** Under /api or /.well-known, but not the documents. */
    private static final String UNROUTED = "^/(api(?!/docs(/|$))|\\.well-known)(/.*)?$";

    private final Config config;
    private final Duration upstreamTimeout;
    private final Duration connectTimeout;

    public GatewayRoutes(Config config,
            @ConfigProperty(name = "gateway.upstream-timeout") Duration upstreamTimeout,
            @ConfigProperty(name = "gateway.connect-timeout") Duration connectTimeout) {
        this.config = config;
        this.upstreamTimeout = upstreamTimeout;
        this.connectTimeout = connectTimeout;
    }

    void install(@Observes Router router, Vertx vertx) {
        PlatformCatalog catalog = PlatformCatalog.load();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        Map<String, HttpProxy> proxies = new HashMap<>();
        router.route().order(SECURITY_HEADERS_ORDER).handler(SecurityHeaders::install);
        int order = 0;
        for (RouteSpec route : catalog.routesByPrecedence()) {
            ServiceSpec service = catalog.service(route.service()).orElseThrow();
            HttpProxy proxy = proxies.computeIfAbsent(service.name(), name -> proxyTo(client, service));
            router.routeWithRegex("^" + Pattern.quote(route.prefix()) + "(/.*)?$").order(order++)
                    .handler(rc -> proxy.handle(rc.request()));
        }
        router.routeWithRegex("^" + Pattern.quote(DOCS) + "$").order(order).handler(rc -> rc.redirect(DOCS + "/"));
        router.routeWithRegex(UNROUTED).order(UNROUTED_ORDER).handler(rc -> Problems.send(rc.response(),
                404, "not-found", "Not Found", "No service answers " + rc.request().path()));
    }

    private HttpProxy proxyTo(HttpClient client, ServiceSpec service) {
        URI origin = URI.create(config.getOptionalValue(service.urlVariable(), String.class)
                .orElse("http://localhost:" + service.port()));
        LOG.infof("%s -> %s", service.name(), origin);
        UpstreamAddress address = new UpstreamAddress(service.name(), origin.getHost(),
                origin.getPort() > 0 ? origin.getPort() : 80, upstreamTimeout);
        return HttpProxy.reverseProxy(client)
                .origin(address)
                .addInterceptor(new EdgeHeaders())
                .addInterceptor(new BodilessStatuses())
                .addInterceptor(new UpstreamFailures(service.name()));
    }
}
