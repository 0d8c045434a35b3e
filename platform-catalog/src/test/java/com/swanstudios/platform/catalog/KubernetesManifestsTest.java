package com.swanstudios.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The manifests in deploy/ come from the same tables as the local gateway and topics. Run with
 * {@code -Ddeploy.render=true} to write them after changing the catalog; otherwise any drift fails.
 */
class KubernetesManifestsTest {

    private static final Path GENERATED = Path.of("..", "deploy", "kubernetes", "generated");
    private final PlatformCatalog catalog = PlatformCatalog.load();

    @Test
    void httpRoutesMatchTheCatalog() throws IOException {
        String rendered = KubernetesManifests.httpRoutes(catalog);
        assertThat(rendered).contains("value: /api/admin/users").contains("name: cart-service").contains("port: 8083");
        check("httproutes.yaml", rendered);
    }

    @Test
    void kafkaTopicsMatchTheCatalog() throws IOException {
        String rendered = KubernetesManifests.kafkaTopics(catalog, 3);
        assertThat(rendered).contains("topicName: identity.user.v1").contains("cleanup.policy: compact")
                .contains("topicName: identity.user.v1.dlq")
                .contains("topicName: identity.user.v1.dlq\n  partitions: 1\n  replicas: 3\n  config:\n"
                        + "    cleanup.policy: delete\n    retention.ms: 1209600000\n");
        check("kafka-topics.yaml", rendered);
    }

    private static void check(String file, String rendered) throws IOException {
        Path path = GENERATED.resolve(file);
        if (Boolean.getBoolean("deploy.render")) {
            Files.createDirectories(GENERATED);
            Files.writeString(path, rendered);
        }
        assertThat(path).as("deploy/kubernetes/generated/%s exists; render it with -Ddeploy.render=true", file).exists();
        assertThat(Files.readString(path)).as("deploy/kubernetes/generated/%s is stale: render it with -Ddeploy.render=true", file)
                .isEqualTo(rendered);
    }
}
