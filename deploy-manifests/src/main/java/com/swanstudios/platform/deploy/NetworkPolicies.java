package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.EgressSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What may reach a service's pods and what they may reach, derived from the catalog: in, the Gateway's data
 * plane and Prometheus (metrics are served on the HTTP port, /q/metrics) — and, for user-service, the services
 * that fetch its JWKS; out, DNS, the service's own database, Kafka's TLS listener, user-service's JWKS (directly,
 * or over HTTPS through the edge), the trace collector, and what the catalog says it calls outside the platform. A migration Job reaches DNS and its
 * database only. Everything else is refused: a policy that selects a pod for both directions denies the rest.
 */
final class NetworkPolicies {

    static final String JWKS_PROVIDER = "user-service";
    static final int DNS_PORT = 53;
    static final int POSTGRES_PORT = 5432;
    static final int OTLP_PORT = 4317;
    static final int HTTPS_PORT = 443;
    /** Outside the platform: any address but the private ranges the cluster's own networks live in. */
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private NetworkPolicies() {
    }

    static List<NetworkPolicy> of(PlatformCatalog catalog, ServiceSpec service) {
        return List.of(workload(catalog, service), migration(service));
    }

    private static NetworkPolicy workload(PlatformCatalog catalog, ServiceSpec service) {
        List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
        ingress.add(ingress(service.port(), namespace(Labels.EDGE_NAMESPACE)));
        ingress.add(ingress(service.port(), namespace(Labels.MONITORING_NAMESPACE)));
        if (service.name().equals(JWKS_PROVIDER)) {
            List<String> others = catalog.services().stream().map(ServiceSpec::name).filter(n -> !n.equals(JWKS_PROVIDER)).toList();
            ingress.add(ingress(service.port(), new NetworkPolicyPeerBuilder().withPodSelector(pods(others)).build()));
        }
        List<NetworkPolicyEgressRule> egress = new ArrayList<>(common(service));
        egress.add(egress(tcp(Names.KAFKA_TLS_PORT), new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder()
                .withMatchLabels(Map.of("strimzi.io/cluster", Names.KAFKA_CLUSTER, "strimzi.io/kind", "Kafka")).build()).build()));
        if (!service.name().equals(JWKS_PROVIDER)) {
            // the JWKS: straight from user-service where plain HTTP inside the cluster is allowed (the local overlay),
            // over HTTPS through the edge in production (services refuse plain-HTTP keys there: ProductionGuard)
            int jwksPort = catalog.service(JWKS_PROVIDER).orElseThrow().port();
            egress.add(egress(tcp(jwksPort), new NetworkPolicyPeerBuilder().withPodSelector(pods(List.of(JWKS_PROVIDER))).build()));
            egress.add(egress(tcp(HTTPS_PORT), namespace(Labels.EDGE_NAMESPACE)));
        }
        egress.add(egress(tcp(OTLP_PORT), new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelector())
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(Labels.NAME, Labels.OTEL_COLLECTOR)).build()).build()));
        for (EgressSpec outside : service.egress()) {
            egress.add(egress(tcp(outside.port()), new NetworkPolicyPeerBuilder().withNewIpBlock()
                    .withCidr("0.0.0.0/0").withExcept(PRIVATE_RANGES).endIpBlock().build()));
        }
        return new NetworkPolicyBuilder().withNewMetadata().withName(service.name()).withLabels(Labels.of(service.name()))
                .endMetadata()
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().withMatchLabels(Labels.selector(service.name())).build())
                .withPolicyTypes("Ingress", "Egress").withIngress(ingress).withEgress(egress).endSpec().build();
    }

    /** The API documents' pods: the Gateway's data plane in, nothing out. */
    static NetworkPolicy apiDocs() {
        return new NetworkPolicyBuilder().withNewMetadata().withName(Edge.API_DOCS).withLabels(Labels.of(Edge.API_DOCS)).endMetadata()
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().withMatchLabels(Labels.selector(Edge.API_DOCS)).build())
                .withPolicyTypes("Ingress", "Egress").withIngress(ingress(Edge.API_DOCS_PORT, namespace(Labels.EDGE_NAMESPACE)))
                .endSpec().build();
    }

    private static NetworkPolicy migration(ServiceSpec service) {
        String job = Names.migrationJob(service.name());
        return new NetworkPolicyBuilder().withNewMetadata().withName(job).withLabels(Labels.of(service.name())).endMetadata()
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().withMatchLabels(Labels.selector(job)).build())
                .withPolicyTypes("Ingress", "Egress").withEgress(common(service)).endSpec().build();
    }

    /** DNS and the service's own database: what its replicas and its migration Job both need. */
    private static List<NetworkPolicyEgressRule> common(ServiceSpec service) {
        return List.of(
                new NetworkPolicyEgressRuleBuilder().withPorts(port("UDP", DNS_PORT), port("TCP", DNS_PORT))
                        .withTo(new NetworkPolicyPeerBuilder()
                                .withNamespaceSelector(new LabelSelectorBuilder()
                                        .withMatchLabels(Map.of("kubernetes.io/metadata.name", "kube-system")).build())
                                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("k8s-app", "kube-dns")).build())
                                .build())
                        .build(),
                egress(tcp(POSTGRES_PORT), new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder()
                        .withMatchLabels(Map.of("cnpg.io/cluster", Names.database(service.name()))).build()).build()));
    }

    private static NetworkPolicyPeer namespace(String label) {
        return new NetworkPolicyPeerBuilder().withNamespaceSelector(new LabelSelectorBuilder()
                .withMatchLabels(Map.of(label, "true")).build()).build();
    }

    private static LabelSelector pods(List<String> apps) {
        return new LabelSelectorBuilder().addNewMatchExpression().withKey(Labels.NAME).withOperator("In").withValues(apps)
                .endMatchExpression().build();
    }

    private static NetworkPolicyIngressRule ingress(int port, NetworkPolicyPeer from) {
        return new NetworkPolicyIngressRuleBuilder().withPorts(tcp(port)).withFrom(from).build();
    }

    private static NetworkPolicyEgressRule egress(NetworkPolicyPort port, NetworkPolicyPeer to) {
        return new NetworkPolicyEgressRuleBuilder().withPorts(port).withTo(to).build();
    }

    private static NetworkPolicyPort tcp(int port) {
        return port("TCP", port);
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).build();
    }
}
