package com.swanstudios.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.localstack.bench.BenchStack;
import com.swanstudios.localstack.bench.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform cost to start and to hold, kept for the summary in {@code target/bench/footprint.json}:
 * each application's time to ready (the launcher's "ready" lines: process start to health UP, all started
 * together) and the whole stack's, and each one's resident memory idle and after the load.
 */
record Footprint(double stackSeconds, Map<String, Double> readySeconds, Map<String, Long> idleRssKib,
        Map<String, Long> loadedRssKib, int listBytes, String machine, String jvm) {

    private static final Pattern READY = Pattern.compile("^\\s*ready\\s+(\\S+)\\s+:\\d+\\s+\\(([0-9.]+) s\\)");
    private static final Pattern UP = Pattern.compile("is up in ([0-9.]+) s");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "footprint.json";

    static void write(BenchPlatform platform, Map<String, Long> loadedRssKib) {
        Map<String, Double> ready = new TreeMap<>();
        double stack = Double.NaN;
        for (String line : platform.stack.output()) {
            Matcher r = READY.matcher(line);
            if (r.find()) {
                ready.put(r.group(1), Double.parseDouble(r.group(2)));
            }
            Matcher u = UP.matcher(line);
            if (u.find()) {
                stack = Double.parseDouble(u.group(1));
            }
        }
        Footprint footprint = new Footprint(stack, ready, platform.idleRssKib, loadedRssKib, platform.listBytes,
                Machine.describe(), String.join(" ", BenchStack.JVM.flags()));
        try {
            Path out = BenchOutput.dir().resolve(FILE);
            Files.createDirectories(out.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), footprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Footprint read(Path target) throws IOException {
        return JSON.readValue(BenchOutput.dir(target).resolve(FILE).toFile(), Footprint.class);
    }
}
