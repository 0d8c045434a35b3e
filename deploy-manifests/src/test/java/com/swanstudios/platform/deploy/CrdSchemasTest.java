package com.swanstudios.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.catalog.PlatformCatalog;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The objects of kinds with no Java model here (CloudNativePG's, the Barman Cloud plugin's, the Prometheus
 * Operator's) are valid by those operators' CRDs at the releases kept under deploy/crds.
 */
class CrdSchemasTest {

    private static final CrdSchemas CRDS = CrdSchemas.load(Path.of("..", "deploy", "crds"));
    private final List<GenericKubernetesResource> custom = Manifests.of(PlatformCatalog.load()).all().stream()
            .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast).toList();

    @Test
    void everyOperatorObjectIsValidByItsCrd() {
        assertThat(custom).extracting(GenericKubernetesResource::getKind).contains("Cluster", "ObjectStore", "ScheduledBackup",
                "ServiceMonitor");
        assertThat(custom).allSatisfy(resource -> assertThat(CRDS.violations(resource)).as(resource.getKind()).isEmpty());
    }

    @Test
    void aValueOfTheWrongTypeIsCaught() {
        GenericKubernetesResource cluster = copyOf("Cluster");
        spec(cluster).put("instances", "three");
        assertThat(CRDS.violations(cluster)).anySatisfy(v -> assertThat(v).contains("instances"));
    }

    @Test
    void aMisspeltFieldIsCaughtRatherThanSilentlyDropped() {
        GenericKubernetesResource backup = copyOf("ScheduledBackup");
        spec(backup).put("schedulle", "0 0 3 * * *");
        assertThat(CRDS.violations(backup)).containsExactly("ScheduledBackup/" + backup.getMetadata().getName()
                + ": .spec.schedulle is not a field of the CRD (the API server would drop it)");
    }

    @Test
    void aKindNoCrdDefinesIsCaught() {
        GenericKubernetesResource monitor = copyOf("ServiceMonitor");
        monitor.setApiVersion("monitoring.coreos.com/v2");
        assertThat(CRDS.violations(monitor)).containsExactly("monitoring.coreos.com/v2 ServiceMonitor: no CRD under deploy/crds defines it");
    }

    private GenericKubernetesResource copyOf(String kind) {
        return new KubernetesSerialization().clone(custom.stream().filter(r -> r.getKind().equals(kind)).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
