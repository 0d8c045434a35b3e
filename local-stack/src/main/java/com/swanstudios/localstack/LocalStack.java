package com.swanstudios.localstack;

import com.swanstudios.platform.catalog.LocalDefaults;
import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import com.swanstudios.platform.infra.DatabaseAccount;
import com.swanstudios.platform.infra.DatabaseProvisioner;
import com.swanstudios.platform.infra.EmbeddedKafkaBroker;
import com.swanstudios.platform.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The one-command local platform: PostgreSQL (one database and role per service) and Kafka (every topic of
 * the catalog), embedded unless the environment names external ones, then the five services and the
 * gateway from their packaged jars. Prints progress, then where everything is; Ctrl-C stops all of it.
 */
public final class LocalStack {

    /** The embedded infrastructure's ports before --port-offset (the services' and gateway's are in the catalog). */
    private static final int POSTGRES_PORT = 15432;
    private static final int KAFKA_PORT = 19092;
    /** The local mail server's SMTP port (MailCapture). */
    private static final int SMTP_PORT = 2525;
    /** The simulated payment provider signs its events with this; a documented local default, refused elsewhere. */
    public static final String LOCAL_WEBHOOK_SECRET = LocalDefaults.WEBHOOK_SECRET;

    /** The line the launcher prints once every application is ready (what a script or test waits for). */
    public static final String READY_LINE = "SwanStudios is up";
    /** The local stack's first admin; for this machine only (a deployment sets ADMIN_EMAIL / ADMIN_PASSWORD). */
    public static final String LOCAL_ADMIN_EMAIL = LocalDefaults.ADMIN_EMAIL;
    public static final String LOCAL_ADMIN_PASSWORD = LocalDefaults.ADMIN_PASSWORD;
    /** The local admin's TOTP secret (Base32), so local tools can compute its codes; refused outside the local stack. */
    public static final String LOCAL_ADMIN_TOTP_SECRET = LocalDefaults.ADMIN_TOTP_SECRET;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final StackOptions options;
    private final PlatformCatalog catalog = PlatformCatalog.load();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private MailCapture mail;
    private volatile boolean stopping;

    private LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        int totp = java.util.Arrays.asList(args).indexOf("totp");
        if (totp >= 0) {
            // ./run.sh totp [SECRET]: the current code of the local admin's secret (or of the one given)
            TotpCode.print(totp + 1 < args.length ? args[totp + 1]
                    : Optional.ofNullable(System.getenv("ADMIN_TOTP_SECRET")).orElse(LOCAL_ADMIN_TOTP_SECRET));
            return;
        }
        StackOptions options;
        try {
            options = StackOptions.parse(args, System.getenv());
        } catch (StackOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(StackOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.superviseUntilStopped();
        stopped.await();
    }

    private void start() {
        long started = System.nanoTime();
        if (options.reset()) {
            deleteRecursively(options.dataDirectory());
            say("Reset: deleted " + options.dataDirectory());
        }
        say("Data and logs in " + options.dataDirectory());
        Ports.requireFree(portsToBind());
        Map<String, String> database = startPostgres();
        String bootstrap = startKafka();
        mail = MailCapture.start(options.port(SMTP_PORT), options.dataDirectory().resolve("mail"));

        ServiceSpec users = catalog.service("user-service").orElseThrow();
        for (ServiceSpec service : catalog.services()) {
            Map<String, String> env = new HashMap<>(database);
            env.put("HTTP_PORT", String.valueOf(options.port(service.port())));
            env.put("DB_NAME", service.database());
            env.put("DB_USER", service.database());
            env.put("DB_PASSWORD", service.database());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            env.put("JWT_JWKS_URL", "http://localhost:" + options.port(users.port()) + "/.well-known/jwks.json");
            env.put("LOG_JSON", options.external("LOG_JSON").orElse("false"));
            // the local defaults (database password, issuer) are refused anywhere else
            env.put("SWAN_LOCAL_STACK", "true");
            if (service == users) {
                env.put("SMTP_HOST", "127.0.0.1");
                env.put("SMTP_PORT", String.valueOf(options.port(SMTP_PORT)));
                env.put("SMTP_START_TLS", "DISABLED");
                env.put("MAIL_LINK_BASE", "http://localhost:" + options.port(catalog.gateway().port()));
                env.put("ADMIN_EMAIL", options.external("ADMIN_EMAIL").orElse(LOCAL_ADMIN_EMAIL));
                env.put("ADMIN_PASSWORD", options.external("ADMIN_PASSWORD").orElse(LOCAL_ADMIN_PASSWORD));
                env.put("ADMIN_TOTP_SECRET", adminTotpSecret());
            }
            if (service.name().equals("cart-service")) {
                // no money moves: checkoutUrl is cart-service's own simulated payment page (README: Payments)
                env.put("PAYMENT_PROVIDER", "simulated");
                env.put("STRIPE_WEBHOOK_SECRET", LOCAL_WEBHOOK_SECRET);
                env.put("PUBLIC_BASE_URL", "http://localhost:" + options.port(catalog.gateway().port()));
            }
            processes.add(ManagedProcess.start(service.name(), jar(service.name()), options.port(service.port()), options.jvm(),
                    env, options.logs()));
        }
        Map<String, String> gatewayEnv = new HashMap<>();
        gatewayEnv.put("GATEWAY_PORT", String.valueOf(options.port(catalog.gateway().port())));
        gatewayEnv.put("LOG_JSON", options.external("LOG_JSON").orElse("false"));
        catalog.services().forEach(s -> gatewayEnv.put(s.urlVariable(), "http://localhost:" + options.port(s.port())));
        processes.add(ManagedProcess.start(catalog.gateway().name(), jar(catalog.gateway().name()),
                options.port(catalog.gateway().port()), options.jvm(), gatewayEnv, options.logs()));

        say("Starting " + processes.size() + " applications (JVM: " + options.jvm().cliName() + ", "
                + String.join(" ", options.jvm().flags()) + ")...");
        awaitReady();
        printSummary((System.nanoTime() - started) / 1e9);
    }

    private Map<String, String> startPostgres() {
        Map<String, String> env = new HashMap<>();
        String host = options.external("DB_HOST").orElse(null);
        if (host != null) {
            String port = options.external("DB_PORT").orElse("5432");
            String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
            try (Connection admin = DriverManager.getConnection(url, options.external("DB_ADMIN_USER").orElse("postgres"),
                    options.external("DB_ADMIN_PASSWORD").orElse(""))) {
                for (ServiceSpec service : catalog.services()) {
                    DatabaseProvisioner.ensure(admin, DatabaseAccount.local(service.database()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the databases on " + host + ":" + port + ": " + e.getMessage(), e);
            }
            env.put("DB_HOST", host);
            env.put("DB_PORT", port);
            say("PostgreSQL: external at " + host + ":" + port);
            return env;
        }
        long t = System.nanoTime();
        postgres = EmbeddedPostgresServer.start(options.dataDirectory().resolve("postgres"), options.port(POSTGRES_PORT));
        catalog.services().forEach(s -> postgres.ensureDatabase(DatabaseAccount.local(s.database())));
        say(String.format("PostgreSQL: embedded on port %d, one database per service (%.1f s)", postgres.port(), secondsSince(t)));
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", String.valueOf(postgres.port()));
        return env;
    }

    /** Every port this stack will listen on, by who listens. */
    private Map<String, Integer> portsToBind() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put(catalog.gateway().name(), options.port(catalog.gateway().port()));
        catalog.services().forEach(s -> ports.put(s.name(), options.port(s.port())));
        ports.put("SMTP (local mail)", options.port(SMTP_PORT));
        if (options.external("DB_HOST").isEmpty()) {
            ports.put("PostgreSQL", options.port(POSTGRES_PORT));
        }
        if (options.external("KAFKA_BOOTSTRAP_SERVERS").isEmpty()) {
            ports.put("Kafka", options.port(KAFKA_PORT));
            ports.put("Kafka controller", EmbeddedKafkaBroker.controllerPortFor(options.port(KAFKA_PORT)));
        }
        return ports;
    }

    private String startKafka() {
        String bootstrap = options.external("KAFKA_BOOTSTRAP_SERVERS").orElse(null);
        long t = System.nanoTime();
        if (bootstrap == null) {
            kafka = EmbeddedKafkaBroker.start(options.dataDirectory().resolve("kafka"), options.port(KAFKA_PORT));
            bootstrap = kafka.bootstrapServers();
        }
        EmbeddedKafkaBroker.ensureTopics(bootstrap, catalog.topicsWithDeadLetters());
        say(String.format("Kafka: %s on %s, %d topics (%.1f s)", kafka == null ? "external" : "embedded", bootstrap,
                catalog.topicsWithDeadLetters().size(), secondsSince(t)));
        return bootstrap;
    }

    private void awaitReady() {
        List<ManagedProcess> waiting = new ArrayList<>(processes);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!waiting.isEmpty()) {
            for (ManagedProcess process : List.copyOf(waiting)) {
                if (!process.alive()) {
                    throw new IllegalStateException(process.name + " exited while starting; the end of " + process.log + ":\n  "
                            + String.join("\n  ", process.tail(25)));
                }
                if (process.ready()) {
                    waiting.remove(process);
                    say(String.format("  ready  %-20s :%d  (%.1f s)", process.name, process.port, process.secondsSinceStart()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + START_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(p -> p.name + " (log: " + p.log + ")").toList());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private void printSummary(double seconds) {
        int gateway = options.port(catalog.gateway().port());
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n%s in %.1f s%n", READY_LINE, seconds));
        out.append(String.format("  Gateway       http://localhost:%d   (try: curl -i http://localhost:%d/api/storefront/packages)%n", gateway, gateway));
        out.append(String.format("  API docs      http://localhost:%d/api/docs/   (the platform's OpenAPI document, Swagger UI, AsyncAPI)%n", gateway));
        for (ServiceSpec service : catalog.services()) {
            out.append(String.format("  %-18s Swagger UI http://localhost:%d/q/swagger-ui%n", service.name(), options.port(service.port())));
        }
        out.append(String.format("  Admin login   %s / %s (local only)%n", options.external("ADMIN_EMAIL").orElse(LOCAL_ADMIN_EMAIL),
                options.external("ADMIN_PASSWORD").isPresent() ? "(ADMIN_PASSWORD)" : LOCAL_ADMIN_PASSWORD));
        out.append(String.format("  Admin TOTP    secret %s (local only; the current code: ./run.sh totp)%n", adminTotpSecret()));
        out.append(String.format("  Mail          %s   (every mail the platform sends; SMTP on localhost:%d)%n",
                options.dataDirectory().resolve("mail"), options.port(SMTP_PORT)));
        out.append(String.format("  Logs          %s%n", options.logs()));
        out.append("Press Ctrl-C to stop everything.");
        say(out.toString());
    }

    private String adminTotpSecret() {
        return options.external("ADMIN_TOTP_SECRET").orElse(LOCAL_ADMIN_TOTP_SECRET);
    }

    /** Runs until Ctrl-C; an application that dies on its own is reported, the rest keep running. */
    private void superviseUntilStopped() {
        List<ManagedProcess> reported = new ArrayList<>();
        while (!stopping) {
            for (ManagedProcess process : processes) {
                if (!process.alive() && !reported.contains(process) && !stopping) {
                    reported.add(process);
                    say(process.name + " stopped unexpectedly; see " + process.log);
                }
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        say("\nStopping...");
        processes.parallelStream().forEach(p -> p.stop(Duration.ofSeconds(15)));
        if (kafka != null) {
            kafka.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        say("Stopped.");
    }

    private Path jar(String module) {
        return options.home().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
