package com.swanstudios.platform.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production JVM settings, kept once in {@value #PRODUCTION_OPTIONS} (a {@code java @argfile}, one flag a
 * line). The container images start with its flags (the root pom's {@code images} profile, which a test holds
 * to this file); the local stack's production profile and the benchmark read the file through
 * {@link #production()}.
 *
 * <p>The heap is a share of the container's memory, not a fixed size, so one setting fits every pod size; the
 * parallel collector suits pods of one or two CPUs (G1's remembered sets and concurrent threads cost memory and
 * a core such pods do not have). Outside a container (the benchmark, the local stack) the JVM would take the
 * share of the whole machine, so there {@link #emulatingContainer()} adds {@code -XX:MaxRAM} with the pod's
 * memory limit, {@value #CONTAINER_MEMORY_MIB} MiB.
 */
public final class JvmSettings {

    public static final String PRODUCTION_OPTIONS = "swanstudios/jvm/production.options";

    /** The memory limit of a service's pod; the deployment sizes its containers with it. */
    public static final int CONTAINER_MEMORY_MIB = 768;

    private JvmSettings() {
    }

    /** The flags of {@value #PRODUCTION_OPTIONS}, in order. */
    public static List<String> production() {
        return CatalogResource.read(PRODUCTION_OPTIONS, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The production flags for a JVM outside a container: its memory is the pod's limit, not the machine's. */
    public static List<String> emulatingContainer() {
        return Stream.concat(production().stream(), Stream.of("-XX:MaxRAM=" + CONTAINER_MEMORY_MIB + "m")).toList();
    }
}
