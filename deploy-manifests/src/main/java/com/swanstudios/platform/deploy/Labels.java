package com.swanstudios.platform.deploy;

import java.util.Map;
import java.util.TreeMap;

/** The names and labels every rendered object shares, so selectors in one object find the pods of another. */
final class Labels {

    static final String PART_OF = "swanstudios";
    static final String NAME = "app.kubernetes.io/name";
    /** The label of the namespace the Gateway's data plane runs in: the only source of API traffic. */
    static final String EDGE_NAMESPACE = "swanstudios.dev/gateway-data-plane";
    /** The label of the namespace Prometheus runs in. */
    static final String MONITORING_NAMESPACE = "swanstudios.dev/monitoring";
    /** The label of the OpenTelemetry collector's pods (in any namespace). */
    static final String OTEL_COLLECTOR = "opentelemetry-collector";

    private Labels() {
    }

    /** The labels of an object that belongs to {@code app}; its pods are selected by {@link #selector}. */
    static Map<String, String> of(String app) {
        Map<String, String> labels = new TreeMap<>(selector(app));
        labels.put("app.kubernetes.io/part-of", PART_OF);
        return labels;
    }

    static Map<String, String> selector(String app) {
        return Map.of(NAME, app);
    }
}
