package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.JvmSettings;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.Map;

/**
 * A service's workload: its Deployment (hardened pod, three probes on the health endpoints, resources sized from
 * the production JVM settings' container), the Service in front of it, its own ServiceAccount with no API token,
 * a PodDisruptionBudget, an autoscaler on CPU, and the Job that migrates its schema before a rollout.
 */
final class Workloads {

    static final String KAFKA_CA_DIR = "/etc/swanstudios/kafka-ca";
    static final String IMAGE_PREFIX = "swanstudios/";
    static final int MIN_REPLICAS = 2;
    static final int MAX_REPLICAS = 6;
    static final int CPU_TARGET_PERCENT = 70;
    /** Requests equal limits for memory: a JVM's heap does not give memory back fast enough to be overcommitted. */
    static final Quantity MEMORY = new Quantity(JvmSettings.CONTAINER_MEMORY_MIB + "Mi");
    static final Quantity CPU_REQUEST = new Quantity("500m");
    /** Two CPUs: what the JVM sizes its thread pools and GC threads by (ActiveProcessorCount). */
    static final Quantity CPU_LIMIT = new Quantity("2");

    private Workloads() {
    }

    static List<HasMetadata> of(ServiceSpec service) {
        String name = service.name();
        return List.of(
                serviceAccount(name),
                new DeploymentBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                        .withNewSpec()
                        .withNewSelector().withMatchLabels(Labels.selector(name)).endSelector()
                        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                        .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
                        .withNewTemplate().withNewMetadata().withLabels(Labels.of(name)).endMetadata()
                        .withSpec(pod(service, false)).endTemplate()
                        .endSpec().build(),
                service(name, service.port()),
                disruptionBudget(name),
                new HorizontalPodAutoscalerBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                        .withNewSpec().withNewScaleTargetRef("apps/v1", "Deployment", name)
                        .withMinReplicas(MIN_REPLICAS).withMaxReplicas(MAX_REPLICAS)
                        .addNewMetric().withType("Resource").withNewResource().withName("cpu")
                        .withNewTarget().withType("Utilization").withAverageUtilization(CPU_TARGET_PERCENT).endTarget()
                        .endResource().endMetric().endSpec().build(),
                new JobBuilder().withNewMetadata().withName(Names.migrationJob(name)).withLabels(Labels.of(name))
                        .addToAnnotations("swanstudios.dev/runs", "before every rollout of " + name
                                + ": it migrates the schema and exits; replicas only validate it")
                        // Argo CD runs it before syncing the rest and replaces the previous run (Jobs are immutable)
                        .addToAnnotations("argocd.argoproj.io/hook", "PreSync")
                        .addToAnnotations("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation")
                        .endMetadata()
                        .withNewSpec().withBackoffLimit(2).withActiveDeadlineSeconds(600L).withTtlSecondsAfterFinished(86_400)
                        .withNewTemplate().withNewMetadata().withLabels(Map.of(Labels.NAME, Names.migrationJob(name),
                                "app.kubernetes.io/part-of", Labels.PART_OF)).endMetadata()
                        .withSpec(pod(service, true)).endTemplate()
                        .endSpec().build());
    }

    /**
     * The platform's API documents and Swagger UI: the gateway image, which carries the merged document built by
     * platform-api, serving only {@link Edge#API_DOCS_PREFIXES} (its HTTPRoute sends it nothing else, so its proxy
     * routes are never used). No database, no Kafka, nothing out.
     */
    static List<HasMetadata> apiDocs() {
        String name = Edge.API_DOCS;
        Container container = withHealthProbes(hardenedContainer(name, "gateway"))
                .addNewPort().withName("http").withContainerPort(Edge.API_DOCS_PORT).endPort()
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("256Mi")))
                        .withLimits(Map.of("memory", new Quantity("256Mi"))).build())
                .build();
        return List.of(
                serviceAccount(name),
                new DeploymentBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                        .withNewSpec().withReplicas(MIN_REPLICAS)
                        .withNewSelector().withMatchLabels(Labels.selector(name)).endSelector()
                        .withNewTemplate().withNewMetadata().withLabels(Labels.of(name)).endMetadata()
                        .withSpec(hardenedPod(name, "16Mi").withContainers(container).build()).endTemplate().endSpec().build(),
                service(name, Edge.API_DOCS_PORT),
                disruptionBudget(name));
    }

    private static PodSpec pod(ServiceSpec service, boolean migrating) {
        PodSpecBuilder pod = hardenedPod(service.name(), "64Mi").withContainers(container(service, migrating));
        if (migrating) {
            pod.withRestartPolicy("Never");
        } else {
            pod.withTerminationGracePeriodSeconds(30L)
                    .addNewVolume().withName("kafka-ca").withNewSecret().withSecretName(Names.kafkaClusterCa())
                    .addNewItem("ca.crt", null, "ca.crt").endSecret().endVolume()
                    .addNewTopologySpreadConstraint().withMaxSkew(1).withTopologyKey("kubernetes.io/hostname")
                    .withWhenUnsatisfiable("ScheduleAnyway").withNewLabelSelector().withMatchLabels(Labels.selector(service.name()))
                    .endLabelSelector().endTopologySpreadConstraint();
        }
        return pod.build();
    }

    private static Container container(ServiceSpec service, boolean migrating) {
        // no JVM flags here: the image starts java with the production settings (JvmSettings), whose heap is a share
        // of the memory limit below
        ContainerBuilder container = hardenedContainer(migrating ? "migrate" : service.name(), service.name())
                .withEnv(Settings.of(service, migrating))
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", CPU_REQUEST, "memory", MEMORY))
                        .withLimits(Map.of("cpu", CPU_LIMIT, "memory", MEMORY)).build());
        if (!migrating) {
            withHealthProbes(container.addNewPort().withName("http").withContainerPort(service.port()).endPort()
                    .addNewVolumeMount().withName("kafka-ca").withMountPath(KAFKA_CA_DIR).withReadOnly(true).endVolumeMount());
        }
        return container.build();
    }

    /** Its own identity, with no API token: nothing here talks to the Kubernetes API. */
    private static HasMetadata serviceAccount(String name) {
        return new ServiceAccountBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                .withAutomountServiceAccountToken(false).build();
    }

    private static HasMetadata service(String name, int port) {
        return new ServiceBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                .withNewSpec().withSelector(Labels.selector(name))
                .addNewPort().withName("http").withPort(port).withTargetPort(new IntOrString("http")).endPort()
                .endSpec().build();
    }

    private static HasMetadata disruptionBudget(String name) {
        return new PodDisruptionBudgetBuilder().withNewMetadata().withName(name).withLabels(Labels.of(name)).endMetadata()
                .withNewSpec().withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(Labels.selector(name)).endSelector().endSpec().build();
    }

    /** Every pod: its service account without a token, no service links, uid 10001 (non-root), seccomp, a /tmp volume. */
    private static PodSpecBuilder hardenedPod(String serviceAccount, String tmpSize) {
        return new PodSpecBuilder()
                .withServiceAccountName(serviceAccount)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L).withRunAsGroup(0L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity(tmpSize)).endEmptyDir().endVolume();
    }

    /** Every container: the platform's image of that name, read-only root, no privilege, every capability dropped, /tmp writable. */
    private static ContainerBuilder hardenedContainer(String name, String image) {
        return new ContainerBuilder().withName(name).withImage(IMAGE_PREFIX + image).withImagePullPolicy("IfNotPresent")
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount();
    }

    private static ContainerBuilder withHealthProbes(ContainerBuilder container) {
        return container.withStartupProbe(probe("/q/health/started", 2, 60))
                .withReadinessProbe(probe("/q/health/ready", 5, 3))
                .withLivenessProbe(probe("/q/health/live", 10, 3));
    }

    /** Startup allows two minutes (60 × 2 s); after it, readiness takes a replica out in 15 s, liveness restarts it in 30 s. */
    private static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(periodSeconds).withFailureThreshold(failureThreshold).withTimeoutSeconds(2).build();
    }
}
