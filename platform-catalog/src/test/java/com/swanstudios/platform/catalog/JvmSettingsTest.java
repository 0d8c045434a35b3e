package com.swanstudios.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The production JVM settings have one source: the options file; the container images start with its flags. */
class JvmSettingsTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Path ROOT_POM = REPOSITORY.resolve("pom.xml");
    private static final Pattern IMAGE_FLAGS = Pattern.compile(
            "<quarkus\\.jib\\.jvm-additional-arguments>([^<]*)</quarkus\\.jib\\.jvm-additional-arguments>");

    @Test
    void theImagesStartWithTheFlagsOfTheOptionsFileTheLocalStackAndTheBenchmarkRead() throws IOException {
        Matcher images = IMAGE_FLAGS.matcher(Files.readString(ROOT_POM));
        assertThat(images.find()).as("the images profile (root pom) sets the JVM flags of the images").isTrue();
        assertThat(List.of(images.group(1).strip().split(","))).as("the images' flags are the options file's, in order")
                .isEqualTo(JvmSettings.production());
        assertThat(images.find()).as("set once").isFalse();
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
