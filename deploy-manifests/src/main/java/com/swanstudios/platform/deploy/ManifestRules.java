package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.TopicSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a deployment of the platform must hold, checked on the objects rather than on the code that builds them:
 * every service has a hardened Deployment with its three probes and resources, a Service, a PodDisruptionBudget,
 * an autoscaler, a NetworkPolicy, a migration Job and a ServiceMonitor; every route of the catalog reaches its
 * service's port; every topic a service's configuration reads is in the catalog and every catalog topic has its
 * KafkaTopic; each service's Kafka rights are exactly what the catalog says it produces and consumes; and the
 * ports agree with each service's own configuration. Each broken rule is one line of the answer.
 */
public final class ManifestRules {

    private ManifestRules() {
    }

    public static List<String> violations(PlatformCatalog catalog, Map<String, ServiceConfiguration> configurations,
            Manifests manifests) {
        List<HasMetadata> objects = manifests.all();
        List<String> found = new ArrayList<>();
        for (ServiceSpec service : catalog.services()) {
            String name = service.name();
            ServiceConfiguration config = configurations.get(name);
            workload(found, service, one(objects, Deployment.class, name));
            Service k8sService = one(objects, Service.class, name);
            if (k8sService == null || k8sService.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == service.port())) {
                found.add(name + ": no Service on port " + service.port());
            }
            if (objects.stream().filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast)
                    .noneMatch(pdb -> selects(pdb.getSpec().getSelector(), name))) {
                found.add(name + ": no PodDisruptionBudget");
            }
            if (objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                    .noneMatch(np -> selects(np.getSpec().getPodSelector(), name)
                            && np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))) {
                found.add(name + ": no NetworkPolicy for both directions");
            }
            HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, name);
            if (hpa == null || !name.equals(hpa.getSpec().getScaleTargetRef().getName())) {
                found.add(name + ": no HorizontalPodAutoscaler");
            }
            if (one(objects, Job.class, Names.migrationJob(name)) == null) {
                found.add(name + ": no migration Job");
            }
            if (objects.stream().noneMatch(o -> o instanceof GenericKubernetesResource && "ServiceMonitor".equals(o.getKind())
                    && name.equals(o.getMetadata().getName()))) {
                found.add(name + ": no ServiceMonitor");
            }
            if (config == null) {
                found.add(name + ": no configuration read");
                continue;
            }
            if (config.port() != service.port()) {
                found.add(name + ": its configuration listens on " + config.port() + ", the catalog says " + service.port());
            }
            for (String topic : config.consumedTopics()) {
                if (catalog.topics().stream().noneMatch(t -> t.name().equals(topic) && t.consumers().contains(name))) {
                    found.add(name + ": consumes " + topic + ", which the catalog does not list it as consuming");
                }
            }
            for (TopicSpec topic : catalog.topics()) {
                if (topic.consumers().contains(name) && !config.consumedTopics().contains(topic.name())) {
                    found.add(name + ": the catalog says it consumes " + topic.name() + ", its configuration reads no such topic");
                }
            }
            config.subscriptions().keySet().stream().map(config::group).filter(group -> !group.startsWith(name))
                    .forEach(group -> found.add(name + ": consumer group " + group + " is not named after the service"));
            kafkaRights(found, catalog, name, one(objects, KafkaUser.class, name));
        }
        for (RouteSpec route : catalog.routes()) {
            int port = catalog.service(route.service()).orElseThrow().port();
            boolean routed = objects.stream().filter(HTTPRoute.class::isInstance).map(HTTPRoute.class::cast)
                    .flatMap(r -> r.getSpec().getRules().stream())
                    .filter(rule -> rule.getBackendRefs().stream()
                            .anyMatch(b -> route.service().equals(b.getName()) && Objects.equals(port, b.getPort())))
                    .flatMap(rule -> rule.getMatches().stream())
                    .anyMatch(m -> route.prefix().equals(m.getPath().getValue()) && "PathPrefix".equals(m.getPath().getType()));
            if (!routed) {
                found.add("route " + route.prefix() + ": no HTTPRoute sends it to " + route.service() + ":" + port);
            }
        }
        for (TopicSpec topic : catalog.topicsWithDeadLetters()) {
            if (objects.stream().filter(KafkaTopic.class::isInstance).map(KafkaTopic.class::cast)
                    .noneMatch(t -> topic.name().equals(t.getSpec().getTopicName()))) {
                found.add("topic " + topic.name() + ": no KafkaTopic");
            }
        }
        return found;
    }

    private static void workload(List<String> found, ServiceSpec service, Deployment deployment) {
        String name = service.name();
        if (deployment == null) {
            found.add(name + ": no Deployment");
            return;
        }
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        if (pod.getSecurityContext() == null || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
                || pod.getSecurityContext().getSeccompProfile() == null
                || !"RuntimeDefault".equals(pod.getSecurityContext().getSeccompProfile().getType())) {
            found.add(name + ": pod not non-root with seccomp RuntimeDefault");
        }
        for (Container c : pod.getContainers()) {
            if (c.getStartupProbe() == null || c.getReadinessProbe() == null || c.getLivenessProbe() == null) {
                found.add(name + ": container " + c.getName() + " lacks a startup, readiness or liveness probe");
            }
            if (c.getResources() == null || c.getResources().getRequests() == null || c.getResources().getLimits() == null
                    || !c.getResources().getRequests().keySet().containsAll(List.of("cpu", "memory"))
                    || !c.getResources().getLimits().containsKey("memory")) {
                found.add(name + ": container " + c.getName() + " lacks cpu and memory requests or a memory limit");
            }
            var security = c.getSecurityContext();
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                    || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                    || security.getCapabilities() == null || !List.of("ALL").equals(security.getCapabilities().getDrop())) {
                found.add(name + ": container " + c.getName() + " not read-only with every capability dropped");
            }
            if (c.getPorts() == null || c.getPorts().stream().noneMatch(p -> p.getContainerPort() == service.port())) {
                found.add(name + ": container " + c.getName() + " does not listen on " + service.port());
            }
        }
    }

    /**
     * The user's rights, flattened to "type:name:pattern:operation", must be exactly the catalog's: Write (and
     * Describe) on the topics it owns; Read (and Describe) on those it consumes, Write on their dead letters,
     * and Read on the groups prefixed by its name — nothing more, nothing less.
     */
    private static void kafkaRights(List<String> found, PlatformCatalog catalog, String service, KafkaUser user) {
        if (user == null) {
            found.add(service + ": no KafkaUser");
            return;
        }
        Set<String> expected = new TreeSet<>();
        catalog.topics().stream().filter(t -> t.owner().equals(service))
                .forEach(t -> Stream.of("Describe", "Write").forEach(op -> expected.add("topic:" + t.name() + ":literal:" + op)));
        catalog.topics().stream().filter(t -> t.consumers().contains(service)).forEach(t -> {
            Stream.of("Describe", "Read").forEach(op -> expected.add("topic:" + t.name() + ":literal:" + op));
            Stream.of("Describe", "Write").forEach(op -> expected.add("topic:" + t.deadLetter().name() + ":literal:" + op));
            expected.add("group:" + service + ":prefix:Read");
        });
        Set<String> actual = new TreeSet<>();
        if (user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple) {
            for (AclRule rule : simple.getAcls()) {
                String resource;
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    resource = "topic:" + topic.getName() + ":" + pattern(topic.getPatternType());
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    resource = "group:" + group.getName() + ":" + pattern(group.getPatternType());
                } else {
                    resource = rule.getResource().getType() + ":*";
                }
                rule.getOperations().forEach(op -> actual.add(resource + ":" + op.toValue()));
            }
        }
        if (!actual.equals(expected)) {
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            found.add(service + ": KafkaUser rights differ from the catalog's; extra " + extra + ", missing " + missing);
        }
    }

    private static String pattern(AclResourcePatternType type) {
        return type == null ? "literal" : type.toValue();
    }

    private static boolean selects(LabelSelector selector, String app) {
        return selector != null && selector.getMatchLabels() != null && app.equals(selector.getMatchLabels().get(Labels.NAME));
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst().orElse(null);
    }
}
