package com.swanstudios.localstack;

import java.util.List;
import java.util.Locale;

/**
 * The JVM flags the local stack starts each application with. {@link #DEV} (the default) is tuned for a
 * laptop running six JVMs: small heaps, the serial collector, C1 only (fast start, less CPU). {@link
 * #PRODUCTION} is the set the Kubernetes deployment will use (full tiered JIT, G1, a fixed heap range, and
 * out-of-memory ends the process so the pod restarts); benchmarks run with it. Chosen with {@code --jvm} or
 * {@code SWAN_JVM}.
 */
public enum JvmProfile {

    DEV(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
    PRODUCTION(List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));

    private final List<String> flags;

    JvmProfile(List<String> flags) {
        this.flags = flags;
    }

    public List<String> flags() {
        return flags;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code dev} or {@code production}, as given to {@code --jvm} or {@code SWAN_JVM}. */
    public static JvmProfile named(String name) {
        for (JvmProfile profile : values()) {
            if (profile.cliName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown JVM profile '" + name + "' (dev or production)");
    }
}
