package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** A Prometheus Operator {@code ServiceMonitor} per service: its Service's HTTP port, path /q/metrics. */
final class Monitoring {

    static final String METRICS_PATH = "/q/metrics";

    private Monitoring() {
    }

    static GenericKubernetesResource of(ServiceSpec service) {
        return Databases.resource("monitoring.coreos.com/v1", "ServiceMonitor", service.name(), service.name(), Map.of(
                "selector", Map.of("matchLabels", Labels.selector(service.name())),
                "endpoints", List.of(Map.of("port", "http", "path", METRICS_PATH, "interval", "30s"))));
    }
}
