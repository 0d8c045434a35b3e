package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.EdgePolicy;
import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilterBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge in the cluster: a Gateway API {@code Gateway} (HTTPS, certificate from a secret) and one
 * {@code HTTPRoute} per service for every path prefix the catalog sends it, with the edge's policy as filters
 * ({@link EdgePolicy}: client forwarding headers removed, security headers set, and a rule of its own, which
 * Gateway API prefers as the longer match, for the prefixes whose answers must not be stored); and the route of
 * the platform's API documents, served by the gateway image at the same path as locally.
 */
final class Edge {

    public static final List<String> API_DOCS_PREFIXES = List.of("/api/docs", "/webjars/swagger-ui");
    public static final String API_DOCS = "api-docs";
    public static final int API_DOCS_PORT = 8080;
    static final String GATEWAY_CLASS = "swanstudios";
    static final String CERTIFICATE_SECRET = "swanstudios-edge-tls";

    private Edge() {
    }

    static List<HasMetadata> of(PlatformCatalog catalog) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new GatewayBuilder().withNewMetadata().withName(Names.GATEWAY).withLabels(Labels.of("gateway")).endMetadata()
                .withNewSpec().withGatewayClassName(GATEWAY_CLASS)
                .addNewListener().withName("https").withProtocol("HTTPS").withPort(443)
                .withNewTls().withMode("Terminate").addNewCertificateRef().withKind("Secret").withName(CERTIFICATE_SECRET)
                .endCertificateRef().endTls()
                .withNewAllowedRoutes().withNewNamespaces().withFrom("Same").endNamespaces().endAllowedRoutes()
                .endListener().endSpec().build());
        for (ServiceSpec service : catalog.services()) {
            List<RouteSpec> routes = catalog.routes().stream().filter(r -> r.service().equals(service.name())).toList();
            if (routes.isEmpty()) {
                continue;
            }
            List<String> noStore = EdgePolicy.NO_STORE_PREFIXES.stream()
                    .filter(prefix -> EdgePolicy.noStore(prefix) && routes.stream()
                            .anyMatch(r -> prefix.equals(r.prefix()) || prefix.startsWith(r.prefix() + "/")))
                    .toList();
            List<String> prefixes = routes.stream().map(RouteSpec::prefix).filter(p -> !noStore.contains(p)).toList();
            List<HTTPRouteRule> rules = new ArrayList<>();
            if (!prefixes.isEmpty()) {
                rules.add(rule(service.name(), service.port(), prefixes, false));
            }
            if (!noStore.isEmpty()) {
                rules.add(rule(service.name(), service.port(), noStore, true));
            }
            objects.add(route(service.name(), rules));
        }
        objects.add(route(API_DOCS, List.of(rule(API_DOCS, API_DOCS_PORT, API_DOCS_PREFIXES, false))));
        return objects;
    }

    private static HasMetadata route(String name, List<HTTPRouteRule> rules) {
        return new HTTPRouteBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                .withNewSpec().addNewParentRef().withName(Names.GATEWAY).endParentRef().withRules(rules).endSpec().build();
    }

    private static HTTPRouteRule rule(String backend, int port, List<String> prefixes, boolean noStore) {
        List<HTTPRouteMatch> matches = prefixes.stream().map(prefix -> new HTTPRouteMatchBuilder().withNewPath()
                .withType("PathPrefix").withValue(prefix).endPath().build()).toList();
        List<HTTPHeader> set = new ArrayList<>();
        EdgePolicy.RESPONSE_HEADERS.forEach((name, value) -> set.add(header(name, value)));
        set.add(header(EdgePolicy.HSTS_HEADER, EdgePolicy.HSTS));
        if (noStore) {
            set.add(header("Cache-Control", EdgePolicy.NO_STORE));
        }
        List<HTTPRouteFilter> filters = List.of(
                new HTTPRouteFilterBuilder().withType("RequestHeaderModifier").withNewRequestHeaderModifier()
                        .withRemove(List.copyOf(EdgePolicy.CLIENT_FORWARDING_HEADERS)).endRequestHeaderModifier().build(),
                new HTTPRouteFilterBuilder().withType("ResponseHeaderModifier").withNewResponseHeaderModifier()
                        .withSet(set).endResponseHeaderModifier().build());
        return new HTTPRouteRuleBuilder().withMatches(matches).withFilters(filters)
                .addNewBackendRef().withName(backend).withPort(port).endBackendRef().build();
    }

    private static HTTPHeader header(String name, String value) {
        return new HTTPHeaderBuilder().withName(name).withValue(value).build();
    }
}
