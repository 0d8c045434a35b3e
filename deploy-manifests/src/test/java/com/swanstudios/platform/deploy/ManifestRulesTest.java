package com.swanstudios.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRuleBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The rules hold for what is rendered, and each fault a deployment could carry is caught, one test per fault. */
class ManifestRulesTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private final PlatformCatalog catalog = PlatformCatalog.load();
    private final Manifests rendered = Manifests.of(catalog);
    private final Map<String, ServiceConfiguration> configurations = configurations();

    @Test
    void theRenderedPlatformHoldsEveryRule() {
        assertThat(ManifestRules.violations(catalog, configurations, rendered)).isEmpty();
    }

    @Test
    void aServiceWithoutProbesIsCaught() {
        Manifests faulty = changed(o -> o instanceof Deployment && named(o, "cart-service"),
                o -> ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().get(0).setReadinessProbe(null));
        assertThat(violations(faulty)).containsExactly("cart-service: container cart-service lacks a startup, readiness or liveness probe");
    }

    @Test
    void aServiceWithoutResourcesIsCaught() {
        Manifests faulty = changed(o -> o instanceof Deployment && named(o, "social-service"),
                o -> ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().get(0).getResources().setLimits(null));
        assertThat(violations(faulty)).containsExactly("social-service: container social-service lacks cpu and memory requests or a memory limit");
    }

    @Test
    void aWritableRootFilesystemIsCaught() {
        Manifests faulty = changed(o -> o instanceof Deployment && named(o, "user-service"),
                o -> ((Deployment) o).getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext()
                        .setReadOnlyRootFilesystem(false));
        assertThat(violations(faulty)).containsExactly("user-service: container user-service not read-only with every capability dropped");
    }

    @Test
    void aServiceWithoutADisruptionBudgetIsCaught() {
        Manifests faulty = without(o -> o instanceof PodDisruptionBudget && named(o, "storefront-service"));
        assertThat(violations(faulty)).containsExactly("storefront-service: no PodDisruptionBudget");
    }

    @Test
    void aServiceWithoutANetworkPolicyIsCaught() {
        Manifests faulty = without(o -> o instanceof NetworkPolicy && named(o, "community-service"));
        assertThat(violations(faulty)).containsExactly("community-service: no NetworkPolicy for both directions");
    }

    @Test
    void aRouteThatReachesNoServiceIsCaught() {
        Manifests faulty = changed(o -> o instanceof HTTPRoute && named(o, "cart-service"),
                o -> ((HTTPRoute) o).getSpec().getRules().forEach(rule -> rule.getMatches()
                        .removeIf(m -> "/api/credits".equals(m.getPath().getValue()))));
        assertThat(violations(faulty)).containsExactly("route /api/credits: no HTTPRoute sends it to cart-service:8083");
    }

    @Test
    void aTopicWithoutItsKafkaTopicIsCaught() {
        Manifests faulty = without(o -> o instanceof KafkaTopic t && "commerce.credits.v1.dlq".equals(t.getSpec().getTopicName()));
        assertThat(violations(faulty)).containsExactly("topic commerce.credits.v1.dlq: no KafkaTopic");
    }

    @Test
    void aTopicAServiceConsumesThatTheCatalogDoesNotDeclareIsCaught() {
        Map<String, ServiceConfiguration> configs = new TreeMap<>(configurations);
        ServiceConfiguration cart = configs.get("cart-service");
        Map<String, String> subscriptions = new TreeMap<>(cart.subscriptions());
        subscriptions.put("activity", "social.activity.v1");
        configs.put("cart-service", new ServiceConfiguration("cart-service", cart.port(), subscriptions, cart.groups()));
        assertThat(ManifestRules.violations(catalog, configs, rendered))
                .containsExactly("cart-service: consumes social.activity.v1, which the catalog does not list it as consuming");
    }

    @Test
    void aKafkaUserWithMoreRightsThanTheCatalogGivesIsCaught() {
        Manifests faulty = changed(o -> o instanceof KafkaUser && named(o, "social-service"),
                o -> ((KafkaUserAuthorizationSimple) ((KafkaUser) o).getSpec().getAuthorization()).getAcls()
                        .add(new AclRuleBuilder().withNewAclRuleTopicResource().withName("commerce.credits.v1").endAclRuleTopicResource()
                                .withOperations(AclOperation.READ).build()));
        assertThat(violations(faulty)).containsExactly("social-service: KafkaUser rights differ from the catalog's; "
                + "extra [topic:commerce.credits.v1:literal:Read], missing []");
    }

    @Test
    void aPortThatDisagreesWithTheServicesConfigurationIsCaught() {
        Map<String, ServiceConfiguration> configs = new TreeMap<>(configurations);
        ServiceConfiguration user = configs.get("user-service");
        configs.put("user-service", new ServiceConfiguration("user-service", 9081, user.subscriptions(), user.groups()));
        assertThat(ManifestRules.violations(catalog, configs, rendered))
                .containsExactly("user-service: its configuration listens on 9081, the catalog says 8081");
    }

    @Test
    void aServiceReadsItsConfigurationAsItWillAtRunTime() {
        ServiceConfiguration cart = configurations.get("cart-service");
        assertThat(cart.port()).isEqualTo(8083);
        assertThat(cart.consumedTopics()).containsExactly("identity.user.v1", "storefront.package.v1");
        assertThat(cart.group("token-revocations")).isEqualTo("cart-service-token-revocations");
        Properties none = new Properties();
        none.setProperty("swan.http.port", "8090");
        none.setProperty("mp.messaging.incoming.things.topic", "things.v1");
        assertThat(ServiceConfiguration.of("thing-service", none).group("things")).isEqualTo("thing-service");
    }

    private List<String> violations(Manifests manifests) {
        return ManifestRules.violations(catalog, configurations, manifests);
    }

    private Manifests without(Predicate<HasMetadata> dropped) {
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        rendered.files().forEach((file, objects) -> files.put(file, objects.stream().filter(dropped.negate()).toList()));
        assertThat(files.values().stream().mapToInt(List::size).sum()).as("one object dropped").isEqualTo(rendered.all().size() - 1);
        return Manifests.of(files);
    }

    private Manifests changed(Predicate<HasMetadata> which, Consumer<HasMetadata> change) {
        Map<String, List<HasMetadata>> files = new LinkedHashMap<>();
        int[] changed = {0};
        rendered.files().forEach((file, objects) -> {
            List<HasMetadata> copies = new ArrayList<>();
            for (HasMetadata object : objects) {
                HasMetadata copy = SERIALIZATION.clone(object);
                if (which.test(copy)) {
                    change.accept(copy);
                    changed[0]++;
                }
                copies.add(copy);
            }
            files.put(file, copies);
        });
        assertThat(changed[0]).as("one object changed").isEqualTo(1);
        return Manifests.of(files);
    }

    private static boolean named(HasMetadata object, String name) {
        return name.equals(object.getMetadata().getName());
    }

    private Map<String, ServiceConfiguration> configurations() {
        Map<String, ServiceConfiguration> configs = new TreeMap<>();
        for (ServiceSpec service : catalog.services()) {
            configs.put(service.name(), ServiceConfiguration.read(Path.of(".."), service.name()));
        }
        return configs;
    }
}
