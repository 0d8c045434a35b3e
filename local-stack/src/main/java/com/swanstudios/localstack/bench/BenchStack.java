package com.swanstudios.localstack.bench;

import com.swanstudios.localstack.JvmProfile;
import com.swanstudios.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged platform, started the way {@code ./run.sh} and LocalStackIT start it: the launcher jar as a
 * child process, here on moved ports, with a fresh data directory, the production JVM profile, and
 * settings that take sign-up costs (password hashing, rate limits) out of the way. Always the embedded PostgreSQL
 * and Kafka, whatever the caller's environment names.
 */
public final class BenchStack implements AutoCloseable {

    public static final JvmProfile JVM = JvmProfile.PRODUCTION;
    /** What the services get on top of the launcher's own settings. */
    static final Map<String, String> OVERRIDES = Map.of(
            "ARGON2_MEMORY_KIB", "1024",
            "ARGON2_ITERATIONS", "1",
            "RATE_LIMIT_REGISTER_PER_ADDRESS", "1000000/1h",
            "RATE_LIMIT_REGISTER_PER_ACCOUNT", "1000000/1h",
            "ACCESS_TOKEN_TTL", "120M",
            "TOKEN_REVOCATION_WINDOW", "125M",
            "LOG_JSON", "false");
    private static final List<String> EXTERNAL = List.of("DB_HOST", "DB_PORT", "DB_ADMIN_USER", "DB_ADMIN_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "SWAN_PORT_OFFSET", "SWAN_DATA_DIR", "SWAN_JVM", "SWAN_HOME");
    private static final long START_TIMEOUT_SECONDS = 300;

    final int offset;
    final Path data;
    private final Process launcher;
    private final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean closed;

    private BenchStack(int offset, Path data, Process launcher) {
        this.offset = offset;
        this.data = data;
        this.launcher = launcher;
    }

    public static BenchStack start(Path home, int offset) throws IOException, InterruptedException {
        Path jar = home.resolve("local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -o -DskipTests install first");
        }
        Path data = Files.createTempDirectory("swan-bench-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--home", home.toString(), "--data-dir", data.toString(),
                "--port-offset", String.valueOf(offset), "--reset", "--jvm", JVM.cliName())
                .redirectErrorStream(true);
        EXTERNAL.forEach(builder.environment()::remove);
        builder.environment().putAll(OVERRIDES);
        BenchStack stack = new BenchStack(offset, data, builder.start());
        stack.awaitReady();
        return stack;
    }

    public ProcessHandle launcher() {
        return launcher.toHandle();
    }

    public int port(int base) {
        return base + offset;
    }

    /** user-service straight, not through the gateway. */
    public String userService() {
        return "http://localhost:" + port(8081);
    }

    /** The embedded Kafka broker. */
    String bootstrap() {
        return "127.0.0.1:" + port(19092);
    }

    /** A service's database on the embedded PostgreSQL (each service's role is named like its database). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port(15432) + "/" + database;
    }

    /** Echoes the launcher's output (indented) for its whole life, and says when the ready line came. */
    private void awaitReady() throws InterruptedException {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println("  | " + line);
                    output.add(line);
                    if (line.startsWith(LocalStack.READY_LINE)) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the launcher ended
            }
            ready.complete(false);
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        boolean up;
        try {
            up = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            up = false;
        }
        if (!up) {
            throw new IllegalStateException("the platform did not start (logs in " + data.resolve("logs") + ")");
        }
    }

    /** What the launcher printed so far (its "ready" lines say how long each application took to start). */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** SIGTERM to the launcher (it stops what it started, as on Ctrl-C); force only what outlives the grace. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Removes the data directory (databases, Kafka log, service logs). */
    public void deleteData() {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + data + ": " + e.getMessage());
        }
    }
}
