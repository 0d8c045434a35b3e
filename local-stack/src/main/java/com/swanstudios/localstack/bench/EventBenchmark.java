package com.swanstudios.localstack.bench;

import com.swanstudios.localstack.bench.Accounts.Account;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Issue 17's event benchmark (a measurement, not a test: it prints figures and exits 0 whatever they are).
 * Starts the packaged platform on ports moved by {@code --port-offset} with the production JVM profile,
 * signs up users, warms up, then:
 * <ol>
 * <li>outbox relay: the benchmark itself stages identity.user.v1 rows in user-service's database at
 * {@code --relay-rate} for {@code --relay-seconds}, as {@code Outbox.stage} does in a service transaction
 * ({@link RelayLoad}), for accounts of their own that the HTTP phases never write; outbox lag measured as in
 * the throughput phase. What the relay sustains, without the service's HTTP side (which saturates first);</li>
 * <li>throughput: {@code PATCH /api/users/me} on user-service (directly, not through the gateway) at
 * {@code --rate} for {@code --seconds}; each PATCH stages one identity.user.v1 event. Outbox lag from the
 * service's own metric and from a consumer here (arrival minus {@code ce_time});</li>
 * <li>latency: PATCHes at {@code --latency-rate} for {@code --latency-seconds}; write response → cart-service
 * applied ({@code known_user.applied_at}), beside a plain producer/consumer pair on a scratch topic at the
 * same rate in the same stretch: the broker's own produce → consume latency.</li>
 * </ol>
 * Run after {@code mvn -B -o -DskipTests install}:
 * {@code java -cp local-stack/target/local-stack.jar com.swanstudios.localstack.bench.EventBenchmark}
 */
public final class EventBenchmark {

    static final String USAGE = """
            usage: java -cp local-stack/target/local-stack.jar com.swanstudios.localstack.bench.EventBenchmark [options]
              --relay-seconds N    relay phase length (default 60)
              --relay-rate N       relay phase outbox rows staged per second by the benchmark (default 1000)
              --no-relay           skip the relay phase
              --seconds N          throughput phase length (default 60)
              --rate N             throughput phase PATCHes (= events) per second (default 1000)
              --latency-seconds N  latency phase length (default 30)
              --latency-rate N     latency phase PATCHes per second, and the raw broker's records per second (default 200)
              --warmup-seconds N   unmeasured PATCHes at the latency rate first, for the JIT (default 30)
              --users N            accounts to write to in turn (default max(1000, 2 x rate): each written every >= 1 s)
              --port-offset N      where the benchmark's platform listens (default 3000: user-service 11081)
              --home DIR           the built project (default: the one this jar belongs to)
              --keep-data          keep the temporary data directory (databases, Kafka log, service logs)""";

    private static final String USER_TOPIC = "identity.user.v1";
    private static final String CONSUMER = "cart-service";
    private static final double LAG_TARGET_MILLIS = 1000;
    /** Accounts whose states the relay phase stages (each staged once a second at 1,000/s); never PATCHed. */
    private static final int RELAY_USERS = 1000;

    record Options(int seconds, int rate, int latencySeconds, int latencyRate, int warmupSeconds, int users, int portOffset,
            Path home, boolean keepData, boolean relay, int relaySeconds, int relayRate) {

        static Options parse(String[] args) {
            int seconds = 60, rate = 1000, latencySeconds = 30, latencyRate = 200, warmup = 30, users = -1, offset = 3000;
            int relaySeconds = 60, relayRate = 1000;
            Path home = defaultHome();
            boolean keep = false, relay = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--relay-seconds" -> relaySeconds = positive(args, ++i);
                    case "--relay-rate" -> relayRate = positive(args, ++i);
                    case "--no-relay" -> relay = false;
                    case "--seconds" -> seconds = positive(args, ++i);
                    case "--rate" -> rate = positive(args, ++i);
                    case "--latency-seconds" -> latencySeconds = positive(args, ++i);
                    case "--latency-rate" -> latencyRate = positive(args, ++i);
                    case "--warmup-seconds" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--users" -> users = positive(args, ++i);
                    case "--port-offset" -> offset = Integer.parseInt(value(args, ++i));
                    case "--home" -> home = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                    case "--keep-data" -> keep = true;
                    case "-h", "--help" -> throw new IllegalArgumentException("");
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(seconds, rate, latencySeconds, latencyRate, warmup, users > 0 ? users : Math.max(1000, 2 * rate),
                    offset, home, keep, relay, relaySeconds, relayRate);
        }

        /** The project this jar was built in (local-stack/target/local-stack.jar), else the working directory. */
        private static Path defaultHome() {
            try {
                Path jar = Path.of(EventBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path home = jar.getParent().getParent().getParent();
                if (home != null && home.resolve("pom.xml").toFile().isFile()) {
                    return home;
                }
            } catch (Exception e) {
                // fall through
            }
            return Path.of(".").toAbsolutePath().normalize();
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int positive(String[] args, int i) {
            int n = Integer.parseInt(value(args, i));
            if (n <= 0) {
                throw new IllegalArgumentException(args[i - 1] + " must be positive");
            }
            return n;
        }
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        int status = new EventBenchmark(options).runAndCleanUp();
        System.exit(status);
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String loadAverageAtStart = Machine.loadAverage();
    private volatile BenchStack stack;
    private volatile boolean failed;
    private volatile boolean interrupted;

    private EventBenchmark(Options options) {
        this.options = options;
    }

    private int runAndCleanUp() {
        Thread cleanup = new Thread(() -> {
            interrupted = true;
            cleanUp();
        }, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C, kill: the platform stops too
        try {
            say("Starting the platform (production JVM: " + String.join(" ", BenchStack.JVM.flags()) + ", port offset "
                    + options.portOffset() + ") from " + options.home());
            stack = BenchStack.start(options.home(), options.portOffset());
            System.out.println("\n" + run().markdown());
            return 0;
        } catch (Exception e) {
            if (!interrupted) {
                failed = true;
                System.err.println("\nThe benchmark did not complete: " + e);
            }
            return 1;
        } finally {
            cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is doing the same
            }
        }
    }

    /** Stops the platform; keeps its data only when asked to or when the run failed (the logs say why). */
    private synchronized void cleanUp() {
        BenchStack started = stack;
        if (started == null) {
            return;
        }
        stack = null;
        boolean keep = options.keepData() || failed;
        say(interrupted ? "Interrupted: stopping the platform..." : "Stopping the platform...");
        started.close();
        if (keep) {
            say("Data and service logs kept in " + started.data);
        } else {
            started.deleteData();
        }
    }

    private Report run() throws Exception {
        String userService = stack.userService();
        String bootstrap = stack.bootstrap();

        int relayUsers = options.relay() ? RELAY_USERS : 0;
        say("Signing up " + options.users() + " users" + (relayUsers > 0 ? " and " + relayUsers + " for the relay phase" : "") + "...");
        long t = System.nanoTime();
        List<Account> accounts = Accounts.register(http, userService, options.users() + relayUsers, Duration.ofMinutes(10));
        say(String.format("  %d users in %.1f s", accounts.size(), (System.nanoTime() - t) / 1e9));
        // the relay's states carry versions far above the HTTP phases' own: apart, they cannot hide those from cart-service
        HttpLoad load = HttpLoad.patches(http, userService, accounts.subList(0, options.users()));
        List<Account> relayAccounts = accounts.subList(options.users(), accounts.size());
        if (options.warmupSeconds() > 0) {
            say("Warm-up: " + options.latencyRate() + " PATCH/s for " + options.warmupSeconds() + " s (not measured)...");
            load.run(options.latencyRate(), Duration.ofSeconds(options.warmupSeconds()), null);
        }

        Report report = new Report(String.format("EventBenchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        try (OutboxProbe outbox = new OutboxProbe(bootstrap, USER_TOPIC)) {
            if (options.relay()) {
                relayPhase(report, relayAccounts, outbox, userService, bootstrap);
            }
            throughputPhase(report, load, outbox, userService, bootstrap);
            latencyPhase(report, load, outbox);
        }
        report.section("Setup");
        report.row("services' JVM", "`" + String.join(" ", BenchStack.JVM.flags()) + "` (local-stack `--jvm production`)");
        report.row("service settings", BenchStack.OVERRIDES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        report.row("traffic", "HTTP/1.1 straight to user-service :" + stack.port(8081) + " (not through the gateway), "
                + options.users() + " users in turn, open loop (latency counted from each request's due time)"
                + (options.relay() ? "; relay phase: JDBC to user-service's database :" + stack.port(15432) + ", "
                        + RelayLoad.CONNECTIONS + " connections, open loop, " + relayUsers + " other users in turn" : ""));
        report.row("machine", Machine.describe());
        report.row("load average (1/5/15 min) before / after", loadAverageAtStart + " / " + Machine.loadAverage());
        return report;
    }

    private void relayPhase(Report report, List<Account> accounts, OutboxProbe outbox, String userService, String bootstrap)
            throws Exception {
        say("Phase 0, outbox relay: the benchmark stages " + options.relayRate() + " rows/s in user-service's database for "
                + options.relaySeconds() + " s...");
        try (RelayLoad load = new RelayLoad(stack.jdbcUrl("user_service"), "user_service",
                "user_service", accounts)) {
            measureRelay(report, load, outbox, userService, bootstrap);
        }
    }

    private void measureRelay(Report report, RelayLoad load, OutboxProbe outbox, String userService, String bootstrap)
            throws Exception {
        Metrics before = Metrics.scrape(http, userService);
        PendingSampler pending = new PendingSampler(userService);
        CpuWindow cpu = new CpuWindow();
        Instant from = Instant.now();
        RelayLoad.Result result = load.run(options.relayRate(), Duration.ofSeconds(options.relaySeconds()));
        Instant to = Instant.now();
        long unsentAtEnd = load.unsent();
        String cpuBusy = cpu.busy();
        double pendingAtEnd = pending.close();

        say("  staged; waiting (at most 120 s) for every row to reach the topic...");
        Instant drainStart = Instant.now();
        boolean drained = await(Duration.ofSeconds(120), () -> outbox.lags(from, to).count() >= result.staged());
        double drainSeconds = ChronoUnit.MILLIS.between(drainStart, Instant.now()) / 1000.0;
        Samples.Sorted lags = outbox.lags(from, to).sorted();
        Metrics after = Metrics.scrape(http, userService);

        String catchUp = awaitCatchUp(bootstrap);
        String applied = relayStatesApplied(Math.min(load.users(), result.staged()),
                RelayLoad.VERSION_BASE + (result.staged() - 1) / load.users());

        report.section(String.format("Phase 0, outbox relay: rows staged by the benchmark in user-service's database, %,d/s for %d s",
                options.relayRate(), options.relaySeconds()));
        report.target("rows staged (rate achieved)", String.format("%s of %s (%.1f/s); %s of them ≤ %d ms after due, %s failed%s",
                        Report.count(result.staged()), Report.count(result.due()), result.achievedRate(), Report.count(result.onTime()),
                        RelayLoad.ON_TIME_MILLIS, Report.count(result.failed()),
                        result.firstError() == null ? "" : " (" + result.firstError() + ")"),
                String.format("%,d/s sustained, no failures", options.relayRate()),
                result.staged() == result.due() && result.achievedRate() >= 0.99 * options.relayRate());
        report.row("staging, due → committed, p50 / p99 / max", result.delay().summary());
        report.row("CPU busy, all cores, during the phase", cpuBusy);
        report.row("rows staged in the phase and consumed", Report.count(lags.count())
                + (drained ? String.format(" (the last %.1f s after the last commit)", drainSeconds) : " (NOT all within 120 s)"));
        report.target("outbox lag, staged → consumed here (`ce_time` = `created_at` to arrival), p50 / p99 / max", lags.summary(),
                "p99 < 1 s", drained && lags.percentileMillis(99) < LAG_TARGET_MILLIS);
        report.row("outbox lag, service histogram `outbox_publish_lag_seconds` over this phase, p50 / p99 (bucket upper bounds)",
                publishLagBetween(before, after));
        report.row("unsent rows in `outbox_message` when staging ended (counted here); `outbox_pending` at the end / highest read "
                + "(every 5 s) / after the drain", Report.count(unsentAtEnd) + "; " + fmt(pendingAtEnd) + " / " + fmt(pending.max())
                + " / " + fmt(after.value("outbox_pending", null)));
        report.row("cart-service caught up (its committed offsets, committed every 5 s)", catchUp);
        report.row("cart-service applied the staged states (`known_user` rows at a relay version, highest version)", applied);
    }

    /** CPU use from now until {@link #busy()}: all cores, and per process of the stack. */
    private final class CpuWindow {
        private final Machine.CpuTicks cpu = Machine.CpuTicks.now();
        private final Machine.ProcessCpu processes = Machine.ProcessCpu.now(stack.launcher(), stack.data.resolve("postgres"));

        String busy() {
            return Machine.CpuTicks.now().busySince(cpu) + "; by process (% of one core): "
                    + Machine.ProcessCpu.now(stack.launcher(), stack.data.resolve("postgres")).since(processes);
        }
    }

    /** p50 / p99 of user-service's {@code outbox_publish_lag_seconds} histogram between two scrapes. */
    private static String publishLagBetween(Metrics before, Metrics after) {
        return "≤ " + Samples.ms(Metrics.quantileBetween(before.buckets("outbox_publish_lag_seconds"),
                after.buckets("outbox_publish_lag_seconds"), 0.5)) + " / ≤ "
                + Samples.ms(Metrics.quantileBetween(before.buckets("outbox_publish_lag_seconds"),
                        after.buckets("outbox_publish_lag_seconds"), 0.99));
    }

    /** Waits (at most 300 s) until cart-service's group has committed everything; says how long it took. */
    private String awaitCatchUp(String bootstrap) throws InterruptedException {
        say("  waiting (at most 300 s) for cart-service to apply them all...");
        Instant start = Instant.now();
        boolean caughtUp = await(Duration.ofSeconds(300), () -> consumerLag(bootstrap) == 0);
        double seconds = ChronoUnit.MILLIS.between(start, Instant.now()) / 1000.0;
        return caughtUp ? String.format("%.0f s after they were all on the topic", seconds) : "NOT within 300 s (it is still behind)";
    }

    /** Whether cart-service applied the relay's states (rather than dead-lettering them): its users at a relay version. */
    private String relayStatesApplied(long expectedUsers, long expectedVersion) {
        String url = stack.jdbcUrl("cart_service");
        try (Connection cart = DriverManager.getConnection(url, "cart_service", "cart_service");
                ResultSet row = cart.createStatement().executeQuery(
                        "select count(*), max(version) from known_user where version >= " + RelayLoad.VERSION_BASE)) {
            row.next();
            return String.format("%s users, %,d (staged: %s users, %,d)", Report.count(row.getLong(1)), row.getLong(2),
                    Report.count(expectedUsers), expectedVersion);
        } catch (SQLException e) {
            return "could not read: " + e;
        }
    }

    private void throughputPhase(Report report, HttpLoad load, OutboxProbe outbox, String userService, String bootstrap)
            throws Exception {
        say("Phase 1, throughput: " + options.rate() + " PATCH/s for " + options.seconds() + " s...");
        Metrics before = Metrics.scrape(http, userService);
        PendingSampler pending = new PendingSampler(userService);
        CpuWindow cpu = new CpuWindow();
        Instant from = Instant.now();
        HttpLoad.Result result = load.run(options.rate(), Duration.ofSeconds(options.seconds()), null);
        Instant to = Instant.now();
        String cpuBusy = cpu.busy();
        double pendingAtEnd = pending.close();

        say("  sent; waiting (at most 120 s) for every event to reach the topic...");
        Instant drainStart = Instant.now();
        boolean drained = await(Duration.ofSeconds(120), () -> outbox.lags(from, to).count() >= result.ok());
        double drainSeconds = ChronoUnit.MILLIS.between(drainStart, Instant.now()) / 1000.0;
        Samples.Sorted lags = outbox.lags(from, to).sorted();
        Metrics after = Metrics.scrape(http, userService);
        double pendingAfterDrain = after.value("outbox_pending", null);

        String catchUp = awaitCatchUp(bootstrap);

        String phase = String.format("%,d PATCH/s for %d s", options.rate(), options.seconds());
        report.section("Phase 1, throughput: " + phase);
        report.target("PATCHes answered 2xx (rate achieved)", String.format("%s of %s (%.1f/s)", Report.count(result.ok()),
                Report.count(result.due()), result.achievedRate()), String.format("%,d/s sustained, no failures", options.rate()),
                result.failures() == 0 && result.achievedRate() >= 0.99 * options.rate());
        report.row("failures", result.failureSummary());
        report.row("HTTP latency p50 / p99 / max", result.latency().summary());
        report.row("CPU busy, all cores, during the phase", cpuBusy);
        report.row("events staged in the phase and consumed", Report.count(lags.count())
                + (drained ? String.format(" (the last %.1f s after the last answer)", drainSeconds) : " (NOT all within 120 s)"));
        // the verdict is on this figure: it includes the service's staged → broker ack, and counts every event
        report.target("outbox lag, staged → consumed here (`ce_time` to arrival), p50 / p99 / max", lags.summary(),
                "p99 < 1 s", drained && lags.percentileMillis(99) < LAG_TARGET_MILLIS);
        report.row("outbox lag, service histogram `outbox_publish_lag_seconds` over this phase, p50 / p99 (bucket upper bounds)",
                publishLagBetween(before, after));
        report.row("outbox lag, service quantile gauges at the end (Micrometer's ~2 min window), p50 / p99",
                Samples.ms(1000 * after.value("outbox_publish_lag_seconds", "quantile=\"0.5\"")) + " / "
                        + Samples.ms(1000 * after.value("outbox_publish_lag_seconds", "quantile=\"0.99\"")));
        report.row("`outbox_pending` at the end / highest read (every 5 s) / after the drain",
                fmt(pendingAtEnd) + " / " + fmt(pending.max()) + " / " + fmt(pendingAfterDrain));
        report.row("cart-service caught up (its committed offsets, committed every 5 s)", catchUp);
    }

    private void latencyPhase(Report report, HttpLoad load, OutboxProbe outbox) throws Exception {
        say("Phase 2, latency: " + options.latencyRate() + " PATCH/s and " + options.latencyRate() + " raw records/s for "
                + options.latencySeconds() + " s...");
        CpuWindow cpu = new CpuWindow();
        String[] cpuBusy = new String[1];
        IdentityPropagation.Result result = IdentityPropagation.measure(stack, load, "PATCHes", options.latencyRate(),
                Duration.ofSeconds(options.latencySeconds()), () -> cpuBusy[0] = cpu.busy());
        report.section(String.format("Phase 2, latency: %,d PATCH/s + %,d raw records/s for %d s", options.latencyRate(),
                options.latencyRate(), options.latencySeconds()));
        report.row("CPU busy, all cores, during the phase", cpuBusy[0]);
        report.row("outbox lag, staged → consumed here, p50 / p99 / max", outbox.lags(result.from(), result.to()).sorted().summary());
        IdentityPropagation.addTo(report, result);
    }

    /** cart-service's committed lag on identity.user.v1 (all partitions); -1 while it cannot be read. */
    private long consumerLag(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CONSUMER)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = committed.keySet().stream().filter(tp -> tp.topic().equals(USER_TOPIC))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            if (ends.isEmpty()) {
                return -1;
            }
            long lag = 0;
            for (var end : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
                lag += end.getValue().offset() - committed.get(end.getKey()).offset();
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Polls every 500 ms until the condition holds or the time is up; whether it held. */
    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    /** Reads user-service's {@code outbox_pending} every 5 s (the gauge's own refresh) while a phase runs. */
    private final class PendingSampler {

        private final String userService;
        private final Thread thread;
        private volatile double max = Double.NaN;
        private volatile boolean running = true;

        PendingSampler(String userService) {
            this.userService = userService;
            thread = new Thread(() -> {
                while (running) {
                    try {
                        double pending = Metrics.scrape(http, userService).value("outbox_pending", null);
                        max = Double.isNaN(max) || pending > max ? pending : max;
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a scrape that failed under load: the next one counts
                    }
                }
            }, "pending-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double max() {
            return max;
        }

        /** Stops sampling, takes one last reading and returns it. */
        double close() throws Exception {
            running = false;
            thread.interrupt();
            thread.join(15_000);
            double last = Metrics.scrape(http, userService).value("outbox_pending", null);
            max = Double.isNaN(max) || last > max ? last : max;
            return last;
        }
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%,.0f", value);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
