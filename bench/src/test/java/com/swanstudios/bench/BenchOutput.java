package com.swanstudios.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the simulation keeps what {@link BenchSummary} reads after Gatling: {@code <bench.out>/bench/} (target/bench). */
final class BenchOutput {

    private BenchOutput() {
    }

    static Path dir() {
        return Path.of(System.getProperty("bench.out", "target")).resolve("bench");
    }

    /** The same directory as seen from the summary, which is given the build directory. */
    static Path dir(Path target) {
        return target.resolve("bench");
    }

    static void write(String name, String text) {
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
