package com.swanstudios.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How the local stack runs: command-line flags first, then environment variables, then defaults that work
 * on a fresh clone. {@code portOffset} moves every port at once, so a second stack (the end-to-end test)
 * can run beside the one a developer has open.
 */
record StackOptions(Path home, Path dataDirectory, boolean reset, int portOffset, JvmProfile jvm, Map<String, String> env) {

    static final String USAGE = """
            usage: ./run.sh [--reset] [--port-offset N] [--data-dir DIR] [--jvm dev|production]
                   ./run.sh totp [SECRET]   the current TOTP code of the local admin's secret (or of SECRET)
              --reset          delete the local data (databases, Kafka log, logs) before starting
              --port-offset N  add N to every port (gateway 8080, services 8081-8085, PostgreSQL 15432, Kafka 19092)
              --data-dir DIR   where data and logs live (default: .data in the project)
              --jvm PROFILE    the applications' JVM flags (default: SWAN_JVM, else dev)
                                 dev         %s: light, quick to start
                                 production  %s:
                                             full JIT, the set the Kubernetes deployment will use; benchmarks run with it
            environment: DB_HOST/DB_PORT/DB_ADMIN_USER/DB_ADMIN_PASSWORD use an external PostgreSQL,
                         KAFKA_BOOTSTRAP_SERVERS an external Kafka, SWAN_JVM the JVM profile; see README.md for the rest."""
            .formatted(String.join(" ", JvmProfile.DEV.flags()), String.join(" ", JvmProfile.PRODUCTION.flags()));

    static StackOptions parse(String[] args, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("SWAN_HOME", ".")).toAbsolutePath().normalize();
        Path data = null;
        boolean reset = false;
        int offset = Integer.parseInt(env.getOrDefault("SWAN_PORT_OFFSET", "0"));
        String jvm = env.getOrDefault("SWAN_JVM", JvmProfile.DEV.cliName());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--home" -> home = Path.of(value(args, ++i, "--home")).toAbsolutePath().normalize();
                case "--data-dir" -> data = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath().normalize();
                case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, "--port-offset"));
                case "--jvm" -> jvm = value(args, ++i, "--jvm");
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new UsageException(home + " is not the project folder (no pom.xml); run ./run.sh from the project");
        }
        if (data == null) {
            data = Path.of(env.getOrDefault("SWAN_DATA_DIR", home.resolve(".data").toString())).toAbsolutePath().normalize();
        }
        JvmProfile profile;
        try {
            profile = JvmProfile.named(jvm);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new StackOptions(home, data, reset, offset, profile, env);
    }

    int port(int base) {
        return base + portOffset;
    }

    Optional<String> external(String variable) {
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank());
    }

    Path logs() {
        return dataDirectory.resolve("logs");
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value");
        }
        return args[i];
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
