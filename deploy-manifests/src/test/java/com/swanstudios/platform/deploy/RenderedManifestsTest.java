package com.swanstudios.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.swanstudios.platform.catalog.PlatformCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The generated files of deploy/ (the Kustomize base and its overlays, the compose file) are what the catalog renders to. Run with {@code -Ddeploy.render=true}
 * to write them after changing the catalog or the generator; otherwise any drift, or a file left behind that the
 * generator no longer writes, fails the build.
 */
class RenderedManifestsTest {

    static final Path DEPLOY = Path.of("..", "deploy");
    /** The directories that hold only generated files. */
    static final List<String> GENERATED = List.of("kubernetes", "compose");

    @Test
    void deployHoldsWhatTheCatalogRendersTo() throws IOException {
        Map<String, String> rendered = Manifests.renderAll(PlatformCatalog.load(), System.getProperty("project.version"));
        if (Boolean.getBoolean("deploy.render")) {
            for (Path old : generatedFiles()) {
                Files.delete(old);
            }
            for (Map.Entry<String, String> file : rendered.entrySet()) {
                Path path = DEPLOY.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
        assertThat(generatedFiles().stream().map(p -> DEPLOY.relativize(p).toString().replace('\\', '/')))
                .as("deploy/ holds exactly the rendered files; render with -Ddeploy.render=true")
                .containsExactlyInAnyOrderElementsOf(rendered.keySet());
        for (Map.Entry<String, String> file : rendered.entrySet()) {
            assertThat(Files.readString(DEPLOY.resolve(file.getKey())))
                    .as("deploy/%s is stale: render it with -Ddeploy.render=true", file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    /** compose.yaml parses, and each application listens on its catalog port with the local stack's database and broker. */
    @Test
    void theComposeFileRunsEveryApplicationOnItsCatalogPort() throws IOException {
        PlatformCatalog catalog = PlatformCatalog.load();
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("compose.yaml").toFile()).path("services");
        for (PlatformCatalog.ServiceSpec service : catalog.services()) {
            JsonNode compose = services.path(service.name());
            assertThat(compose.path("ports").get(0).asText()).isEqualTo(service.port() + ":" + service.port());
            assertThat(compose.path("environment").path("DB_NAME").asText()).isEqualTo(service.database());
            assertThat(compose.path("depends_on").path("kafka-topics").path("condition").asText())
                    .isEqualTo("service_completed_successfully");
        }
        assertThat(services.path("gateway").path("environment").path("CART_SERVICE_URL").asText()).isEqualTo("http://cart-service:8083");
        assertThat(services.path("kafka-topics").path("command").get(0).asText().lines().count())
                .isEqualTo(catalog.topicsWithDeadLetters().size());
    }

    /** The files in deploy/ that the generator owns: everything under its directories, and the compose file. */
    private static List<Path> generatedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String directory : GENERATED) {
            if (Files.isDirectory(DEPLOY.resolve(directory))) {
                try (Stream<Path> walk = Files.walk(DEPLOY.resolve(directory))) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        if (Files.exists(DEPLOY.resolve("compose.yaml"))) {
            files.add(DEPLOY.resolve("compose.yaml"));
        }
        return files;
    }

    /**
     * Both overlays build with kustomize (the one in kubectl), and the local one drops what a developer's cluster
     * cannot run. Skipped where kubectl is not installed: nothing else here needs it.
     */
    @Test
    void theOverlaysBuildWithKustomize() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed");
        String production = kustomize("production");
        String local = kustomize("local");
        assertThat(production).contains("kind: ScheduledBackup", "kind: ObjectStore", "namespace: swanstudios",
                "jwks-url: https://swanstudios.example/.well-known/jwks.json");
        assertThat(local).doesNotContain("kind: ScheduledBackup", "kind: ObjectStore", "barman-cloud")
                .contains("name: SWAN_LOCAL_STACK", "value: simulated", "instances: 1", "image: swanstudios/cart-service:" + System.getProperty("project.version"));
    }

    private static String kustomize(String overlay) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", DEPLOY.resolve("kubernetes").resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay, out).isZero();
        return out;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
