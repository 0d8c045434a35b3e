package com.swanstudios.platform.deploy;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.TopicSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.strimzi.api.kafka.model.kafka.KRaftMetadataStorage;
import io.strimzi.api.kafka.model.kafka.KafkaBuilder;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListenerBuilder;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePoolBuilder;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopicBuilder;
import io.strimzi.api.kafka.model.user.KafkaUserBuilder;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka through Strimzi: one KRaft cluster (three nodes that are both controller and broker, one TLS listener
 * with SCRAM-SHA-512 clients and simple authorization), every topic of the catalog with its dead-letter topic,
 * and one {@code KafkaUser} per service whose ACLs are derived from the catalog: write its own topics, read
 * what it consumes in consumer groups named after itself, write the dead letters of what it consumes.
 */
final class Messaging {

    static final int NODES = 3;
    static final String POOL = "dual-role";

    private Messaging() {
    }

    static List<HasMetadata> of(PlatformCatalog catalog) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(cluster(catalog));
        objects.add(new KafkaNodePoolBuilder().withNewMetadata().withName(POOL).withLabels(clusterLabel()).endMetadata()
                .withNewSpec().withReplicas(NODES).withRoles(ProcessRoles.CONTROLLER, ProcessRoles.BROKER)
                .withNewPersistentClaimStorage().withSize("20Gi").withDeleteClaim(false).withKraftMetadata(KRaftMetadataStorage.SHARED).endPersistentClaimStorage()
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("2Gi")))
                        .withLimits(Map.of("memory", new Quantity("2Gi"))).build())
                .endSpec().build());
        for (TopicSpec topic : catalog.topicsWithDeadLetters()) {
            Map<String, Object> config = new LinkedHashMap<>(topic.configs());
            config.put("min.insync.replicas", Math.min(2, NODES));
            objects.add(new KafkaTopicBuilder().withNewMetadata().withName(topic.name().replace('.', '-'))
                    .withLabels(clusterLabel()).addToLabels("swanstudios.dev/owner", topic.owner()).endMetadata()
                    .withNewSpec().withTopicName(topic.name()).withPartitions(topic.partitions()).withReplicas(NODES)
                    .withConfig(config).endSpec().build());
        }
        for (ServiceSpec service : catalog.services()) {
            objects.add(new KafkaUserBuilder().withNewMetadata().withName(service.name()).withLabels(clusterLabel()).endMetadata()
                    .withNewSpec().withAuthentication(new KafkaUserScramSha512ClientAuthentication())
                    .withNewKafkaUserAuthorizationSimple().withAcls(acls(catalog, service.name())).endKafkaUserAuthorizationSimple()
                    .endSpec().build());
        }
        return objects;
    }

    /**
     * What the service may do, from the catalog alone: describe and write the topics it owns (its outbox relay),
     * describe and read the topics it consumes, in groups whose names start with its own (the kit names every
     * group so), and write their dead-letter topics.
     */
    static List<AclRule> acls(PlatformCatalog catalog, String service) {
        List<AclRule> acls = new ArrayList<>();
        for (TopicSpec topic : catalog.topics()) {
            if (topic.owner().equals(service)) {
                acls.add(topicRule(topic.name(), AclOperation.DESCRIBE, AclOperation.WRITE));
            }
            if (topic.consumers().contains(service)) {
                acls.add(topicRule(topic.name(), AclOperation.DESCRIBE, AclOperation.READ));
                acls.add(topicRule(topic.deadLetter().name(), AclOperation.DESCRIBE, AclOperation.WRITE));
            }
        }
        if (catalog.topics().stream().anyMatch(t -> t.consumers().contains(service))) {
            acls.add(new AclRuleBuilder().withNewAclRuleGroupResource().withName(service)
                    .withPatternType(AclResourcePatternType.PREFIX).endAclRuleGroupResource()
                    .withOperations(AclOperation.READ).build());
        }
        return acls;
    }

    private static AclRule topicRule(String topic, AclOperation... operations) {
        return new AclRuleBuilder().withNewAclRuleTopicResource().withName(topic)
                .withPatternType(AclResourcePatternType.LITERAL).endAclRuleTopicResource()
                .withOperations(operations).build();
    }

    private static HasMetadata cluster(PlatformCatalog catalog) {
        List<String> services = catalog.services().stream().map(ServiceSpec::name).toList();
        return new KafkaBuilder().withNewMetadata().withName(Names.KAFKA_CLUSTER).withLabels(Labels.of("kafka"))
                .addToAnnotations("strimzi.io/node-pools", "enabled").addToAnnotations("strimzi.io/kraft", "enabled").endMetadata()
                .withNewSpec()
                .withNewKafka()
                .withListeners(new GenericKafkaListenerBuilder().withName("tls").withPort(Names.KAFKA_TLS_PORT)
                        .withType(KafkaListenerType.INTERNAL).withTls(true).withAuth(new KafkaListenerAuthenticationScramSha512())
                        // only the services (and their migration Jobs never: they do not use Kafka) reach the brokers
                        .withNetworkPolicyPeers(new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelectorBuilder()
                                .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(Labels.NAME)
                                        .withOperator("In").withValues(services).build()).build()).build())
                        .build())
                .withNewKafkaAuthorizationSimple().endKafkaAuthorizationSimple()
                .withConfig(Map.of(
                        "default.replication.factor", NODES,
                        "min.insync.replicas", Math.min(2, NODES),
                        "offsets.topic.replication.factor", NODES,
                        "transaction.state.log.replication.factor", NODES,
                        "transaction.state.log.min.isr", Math.min(2, NODES),
                        // topics come from KafkaTopic objects only: a typo in a service's configuration fails, loudly
                        "auto.create.topics.enable", false))
                .endKafka()
                .withNewEntityOperator().withNewTopicOperator().endTopicOperator().withNewUserOperator().endUserOperator()
                .endEntityOperator()
                .endSpec().build();
    }

    private static Map<String, String> clusterLabel() {
        Map<String, String> labels = new LinkedHashMap<>(Labels.of("kafka"));
        labels.put("strimzi.io/cluster", Names.KAFKA_CLUSTER);
        return labels;
    }
}
