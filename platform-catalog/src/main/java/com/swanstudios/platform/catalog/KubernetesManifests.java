package com.swanstudios.platform.catalog;

import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.TopicSpec;
import java.util.List;

/**
 * Renders the catalog's route and topic tables as Kubernetes resources: Gateway API HTTPRoutes (what the
 * local gateway does, in the cluster) and Strimzi KafkaTopics. The files in {@code deploy/kubernetes/generated}
 * are this output; a test fails when they drift from the catalog.
 */
public final class KubernetesManifests {

    public static final String GATEWAY_NAME = "swanstudios";
    public static final String KAFKA_CLUSTER = "swanstudios";
    private static final String HEADER = "# Generated from platform-catalog/src/main/resources/swanstudios/platform.json"
            + " by KubernetesManifests: do not edit; change the catalog and run\n"
            + "#   mvn -pl platform-catalog test -Ddeploy.render=true\n";

    private KubernetesManifests() {
    }

    /**
     * The platform's API documents ({@code deploy/kubernetes/api-docs}: the gateway image serving only these),
     * behind the same edge policy as every route.
     */
    public static final List<String> API_DOCS_PREFIXES = List.of("/api/docs", "/webjars/swagger-ui");
    public static final String API_DOCS_BACKEND = "api-docs";
    public static final int API_DOCS_PORT = 8080;

    /**
     * One HTTPRoute per service, listing every path prefix the gateway sends to it, with the edge's policy as
     * filters ({@link EdgePolicy}): client forwarding headers removed, security headers set, and a rule of its
     * own, which Gateway API prefers as the longer match, for the prefixes whose answers must not be stored;
     * and the API documents' route.
     */
    public static String httpRoutes(PlatformCatalog catalog) {
        StringBuilder out = new StringBuilder(HEADER);
        for (ServiceSpec service : catalog.services()) {
            List<RouteSpec> routes = catalog.routes().stream().filter(r -> r.service().equals(service.name())).toList();
            if (routes.isEmpty()) {
                continue;
            }
            List<String> noStore = EdgePolicy.NO_STORE_PREFIXES.stream()
                    .filter(prefix -> routes.stream().anyMatch(r -> EdgePolicy.noStore(prefix) && (prefix.equals(r.prefix())
                            || prefix.startsWith(r.prefix() + "/"))))
                    .toList();
            List<String> prefixes = routes.stream().map(RouteSpec::prefix).filter(p -> !noStore.contains(p)).toList();
            routeHeader(out, service.name());
            if (!prefixes.isEmpty()) {
                rule(out, service.name(), service.port(), prefixes, false);
            }
            if (!noStore.isEmpty()) {
                rule(out, service.name(), service.port(), noStore, true);
            }
        }
        routeHeader(out, API_DOCS_BACKEND);
        rule(out, API_DOCS_BACKEND, API_DOCS_PORT, API_DOCS_PREFIXES, false);
        return out.toString();
    }

    private static void routeHeader(StringBuilder out, String name) {
        out.append("---\n")
                .append("apiVersion: gateway.networking.k8s.io/v1\n")
                .append("kind: HTTPRoute\n")
                .append("metadata:\n")
                .append("  name: ").append(name).append('\n')
                .append("  labels:\n")
                .append("    app.kubernetes.io/part-of: swanstudios\n")
                .append("spec:\n")
                .append("  parentRefs:\n")
                .append("    - name: ").append(GATEWAY_NAME).append('\n')
                .append("  rules:\n");
    }

    private static void rule(StringBuilder out, String backend, int port, List<String> prefixes, boolean noStore) {
        out.append("    - matches:\n");
        for (String prefix : prefixes) {
            out.append("        - path:\n")
                    .append("            type: PathPrefix\n")
                    .append("            value: ").append(prefix).append('\n');
        }
        out.append("      filters:\n")
                .append("        - type: RequestHeaderModifier\n")
                .append("          requestHeaderModifier:\n")
                .append("            remove:\n");
        EdgePolicy.CLIENT_FORWARDING_HEADERS.forEach(name -> out.append("              - ").append(name).append('\n'));
        out.append("        - type: ResponseHeaderModifier\n")
                .append("          responseHeaderModifier:\n")
                .append("            set:\n");
        EdgePolicy.RESPONSE_HEADERS.forEach((name, value) -> header(out, name, value));
        header(out, EdgePolicy.HSTS_HEADER, EdgePolicy.HSTS);
        if (noStore) {
            header(out, "Cache-Control", EdgePolicy.NO_STORE);
        }
        out.append("      backendRefs:\n")
                .append("        - name: ").append(backend).append('\n')
                .append("          port: ").append(port).append('\n');
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append("              - name: ").append(name).append('\n')
                .append("                value: \"").append(value.replace("\"", "\\\"")).append("\"\n");
    }

    /** Every topic with its dead-letter topic, as Strimzi KafkaTopic resources. */
    public static String kafkaTopics(PlatformCatalog catalog, int replicas) {
        StringBuilder out = new StringBuilder(HEADER);
        for (TopicSpec topic : catalog.topicsWithDeadLetters()) {
            out.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name().replace('.', '-')).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(KAFKA_CLUSTER).append('\n')
                    .append("    swanstudios.dev/owner: ").append(topic.owner()).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(replicas).append('\n')
                    .append("  config:\n");
            topic.configs().forEach((key, value) -> out.append("    ").append(key).append(": ").append(value).append('\n'));
            out.append("    min.insync.replicas: ").append(Math.min(2, replicas)).append('\n');
        }
        return out.toString();
    }
}
