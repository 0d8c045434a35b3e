package com.swanstudios.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production JVM settings have one source: the options file the container image copies and starts with. */
class JvmSettingsTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path CONTAINERFILE = REPOSITORY.resolve("deploy/container/Containerfile.jvm");

    @Test
    void theImageStartsWithTheOptionsFileTheLocalStackAndTheBenchmarkRead() throws IOException {
        String containerfile = Files.readString(CONTAINERFILE);
        assertThat(containerfile).as("the image copies the one options file")
                .contains("COPY platform-catalog/src/main/resources/" + JvmSettings.PRODUCTION_OPTIONS + " /deployments/jvm.options")
                .contains("ENTRYPOINT [\"java\", \"@/deployments/jvm.options\", \"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(containerfile.lines().filter(line -> !line.startsWith("#")))
                .as("no JVM flag is written in the image itself").noneMatch(line -> line.contains("-XX:") || line.contains("-Xm"));
    }

    @Test
    void theHeapIsAShareOfTheContainerAndOutOfMemoryEndsTheProcess() {
        List<String> flags = JvmSettings.production();
        assertThat(flags).contains("-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError")
                .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
                .noneMatch(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms") || flag.startsWith("-XX:TieredStopAtLevel"));
        assertThat(JvmSettings.emulatingContainer()).startsWith(flags.toArray(String[]::new))
                .endsWith("-XX:MaxRAM=" + JvmSettings.CONTAINER_MEMORY_MIB + "m");
    }

    @Test
    void noManifestOverridesTheImageFlags() throws IOException {
        try (var files = Files.walk(REPOSITORY.resolve("deploy/kubernetes"))) {
            for (Path manifest : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(manifest).lines().filter(line -> !line.strip().startsWith("#")))
                        .as("%s sets JVM options of its own", manifest)
                        .noneMatch(line -> line.contains("JAVA_TOOL_OPTIONS") || line.contains("JDK_JAVA_OPTIONS") || line.contains("JAVA_OPTS"));
            }
        }
    }
}
