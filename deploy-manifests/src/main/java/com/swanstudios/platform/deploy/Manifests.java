package com.swanstudios.platform.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every object of the platform's Kustomize base ({@code deploy/kubernetes/base}), by the file it is written to,
 * built from the catalog; and the files themselves. The base names no registry, namespace or environment:
 * the overlays do.
 */
public final class Manifests {

    public static final String HEADER = "# Generated from platform-catalog by deploy-manifests (Manifests): do not edit; change the catalog\n"
            + "# or the generator and run  mvn -pl deploy-manifests test -Ddeploy.render=true\n";
    static final String KUSTOMIZATION = "kustomization.yaml";
    /** Map entries in key order: the same bytes on every run, whatever order a {@code Map.of} iterates in. */
    private static final KubernetesSerialization YAML = new KubernetesSerialization(
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true), true);

    private final Map<String, List<HasMetadata>> files;

    private Manifests(Map<String, List<HasMetadata>> files) {
        this.files = files;
    }

    /** The objects the catalog implies. */
    public static Manifests of(PlatformCatalog catalog) {
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        files.put("platform-config.yaml", List.of(platformConfig()));
        for (ServiceSpec service : catalog.services()) {
            List<HasMetadata> objects = new ArrayList<>(Workloads.of(service));
            objects.addAll(NetworkPolicies.of(catalog, service));
            objects.add(Monitoring.of(service));
            files.put("services/" + service.name() + ".yaml", objects);
        }
        List<HasMetadata> databases = new ArrayList<>();
        catalog.services().forEach(service -> databases.addAll(Databases.of(service)));
        files.put("databases.yaml", databases);
        files.put("kafka.yaml", Messaging.of(catalog));
        List<HasMetadata> edge = new ArrayList<>(Edge.of(catalog));
        edge.addAll(Workloads.apiDocs());
        edge.add(NetworkPolicies.apiDocs());
        files.put("edge.yaml", edge);
        return new Manifests(files);
    }

    /** A set of objects as given (tests take one away, or change one, and expect the rules to notice). */
    public static Manifests of(Map<String, List<HasMetadata>> files) {
        return new Manifests(files);
    }

    public Map<String, List<HasMetadata>> files() {
        return files;
    }

    public List<HasMetadata> all() {
        return files.values().stream().flatMap(List::stream).toList();
    }

    /** Every generated file of deploy/: the Kustomize base and overlays, and the compose file, by path under deploy/. */
    public static Map<String, String> renderAll(PlatformCatalog catalog, String version) {
        Map<String, String> out = new TreeMap<>();
        of(catalog).render().forEach((file, text) -> out.put("kubernetes/base/" + file, text));
        Overlays.of(catalog, version).forEach((file, text) -> out.put("kubernetes/overlays/" + file, text));
        out.putAll(Compose.of(catalog, version));
        return out;
    }

    /** Each file's text, the kustomization listing them included, by path relative to the base. */
    public Map<String, String> render() {
        Map<String, String> out = new TreeMap<>();
        files.forEach((file, objects) -> {
            StringBuilder text = new StringBuilder(HEADER);
            objects.forEach(object -> text.append(YAML.asYaml(object)));
            out.put(file, text.toString());
        });
        StringBuilder kustomization = new StringBuilder(HEADER)
                .append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        files.keySet().forEach(file -> kustomization.append("  - ").append(file).append('\n'));
        out.put(KUSTOMIZATION, kustomization.toString());
        return out;
    }

    /**
     * Settings that differ per environment, read by every service ({@link Settings#PLATFORM}). The base's values
     * suit a cluster whose pod network is 10.0.0.0/8 and whose collector is {@code otel-collector.observability};
     * an overlay replaces them, and the issuer and public URL always.
     */
    private static HasMetadata platformConfig() {
        Map<String, String> data = new TreeMap<>();
        data.put("jwt-issuer", "https://swanstudios.example");
        data.put("public-base-url", "https://swanstudios.example");
        data.put("jwks-url", "http://" + NetworkPolicies.JWKS_PROVIDER + ":8081/.well-known/jwks.json");
        data.put("trusted-proxies", "10.0.0.0/8");
        data.put("otel-endpoint", "http://otel-collector.observability:" + NetworkPolicies.OTLP_PORT);
        data.put("otel-sampler", "parentbased_always_on");
        return new ConfigMapBuilder().withNewMetadata().withName(Names.PLATFORM_CONFIG).withLabels(Labels.of("platform")).endMetadata()
                .withData(data).build();
    }
}
