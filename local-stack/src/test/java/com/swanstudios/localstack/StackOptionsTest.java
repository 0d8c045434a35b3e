package com.swanstudios.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.swanstudios.platform.catalog.JvmSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    private static final String[] HOME = {"--home", ".."};

    @Test
    void theDevJvmProfileIsTheDefault() {
        assertThat(StackOptions.parse(HOME, Map.of()).jvm()).isEqualTo(JvmProfile.DEV);
        assertThat(JvmProfile.DEV.flags()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theProductionProfileIsChosenByFlagOrEnvironmentAndRunsTheFullJit() {
        assertThat(StackOptions.parse(new String[] {"--home", "..", "--jvm", "production"}, Map.of()).jvm())
                .isEqualTo(JvmProfile.PRODUCTION);
        assertThat(StackOptions.parse(HOME, Map.of("SWAN_JVM", "production")).jvm()).isEqualTo(JvmProfile.PRODUCTION);
        assertThat(StackOptions.parse(new String[] {"--home", "..", "--jvm", "dev"}, Map.of("SWAN_JVM", "production")).jvm())
                .as("the flag wins over the environment").isEqualTo(JvmProfile.DEV);
        assertThat(JvmProfile.PRODUCTION.flags()).as("the image's settings, the pod's memory standing in for the container's")
                .isEqualTo(JvmSettings.emulatingContainer())
                .noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"));
        assertThat(StackOptions.USAGE).contains(String.join(" ", JvmProfile.PRODUCTION.flags()));
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--home", "..", "--jvm", "fast"}, Map.of()))
                .isInstanceOf(StackOptions.UsageException.class).hasMessageContaining("dev or production");
    }
}
