package com.swanstudios.localstack;

import com.swanstudios.platform.catalog.JvmSettings;
import java.util.List;
import java.util.Locale;

/**
 * The JVM flags the local stack starts each application with. {@link #DEV} (the default) is tuned for a
 * laptop running six JVMs: small heaps, the serial collector, C1 only (fast start, less CPU). {@link
 * #PRODUCTION} is the set the container images use, read from the one file that holds it ({@link
 * JvmSettings}), with the pod's memory limit standing in for the container's; benchmarks run with it. Chosen
 * with {@code --jvm} or {@code SWAN_JVM}.
 */
public enum JvmProfile {

    DEV(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
    PRODUCTION(JvmSettings.emulatingContainer());

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
