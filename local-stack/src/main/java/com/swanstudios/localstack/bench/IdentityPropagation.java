package com.swanstudios.localstack.bench;

import com.swanstudios.localstack.bench.HttpLoad.Write;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * How long a user-service write takes to reach a consumer: from the write's HTTP answer to cart-service's
 * {@code known_user.applied_at} for that user at that version (the consumer's own clock_timestamp() on the same
 * machine), beside a plain producer/consumer pair on a scratch topic at the same rate in the same stretch (the
 * broker's own produce → consume latency, the yardstick). Both the event benchmark (PATCHes) and the Gatling
 * benchmark (sign-ups, {@link #afterRegistration}) measure it here.
 */
public final class IdentityPropagation {

    /** What the consumer must stay within, as a multiple of the raw broker's p99 (issue 17). */
    public static final double RAW_FACTOR_TARGET = 3;
    private static final String CONSUMER_DATABASE = "cart_service";
    private static final Duration APPLY_WAIT = Duration.ofSeconds(60);

    /**
     * One measured stretch; latencies as "p50 / p99 / max". {@code applied} counts the writes cart-service
     * applied (within 60 s of the last answer) out of {@code accepted}.
     */
    public record Result(String load, int rate, long seconds, long due, long accepted, String failures, String httpLatency,
            long applied, String appliedLatency, double appliedP99Millis, long rawSent, long rawReceived, long rawSendErrors,
            String rawLatency, double rawP99Millis, String watcherFailure, Instant from, Instant to) {

        /** Consumer-applied p99 over the raw broker's p99. */
        public double factor() {
            return appliedP99Millis / rawP99Millis;
        }

        /** Every accepted write was applied and the factor is within {@link #RAW_FACTOR_TARGET}. */
        public boolean met() {
            return accepted > 0 && applied == accepted && factor() <= RAW_FACTOR_TARGET;
        }
    }

    private IdentityPropagation() {
    }

    /**
     * Sign-ups straight to user-service at {@code rate} for {@code warmUp} (not measured, for the JIT), then for
     * {@code duration}: each new account's first state, answered → applied by cart-service.
     */
    public static Result afterRegistration(BenchStack stack, int rate, Duration warmUp, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        if (!warmUp.isZero()) {
            HttpLoad.registrations(http, stack.userService(), "warm").run(rate, warmUp, null);
        }
        return measure(stack, HttpLoad.registrations(http, stack.userService(), "signup"), "POST /api/auth/register", rate,
                duration, () -> { });
    }

    /**
     * Runs {@code load} at {@code rate} for {@code duration} with the raw pair beside it; {@code sent} is called as
     * soon as both have sent everything (before waiting for the consumer), for figures about the load alone.
     */
    static Result measure(BenchStack stack, HttpLoad load, String name, int rate, Duration duration, Runnable sent) throws Exception {
        Queue<Write> writes = new ConcurrentLinkedQueue<>();
        Instant from = Instant.now();
        try (AppliedWatcher watcher = new AppliedWatcher(stack.jdbcUrl(CONSUMER_DATABASE), CONSUMER_DATABASE, CONSUMER_DATABASE,
                "known_user", from);
                RawBroker raw = new RawBroker(stack.bootstrap())) {
            Thread producer = new Thread(() -> raw.produce(rate, duration), "raw-broker-producer");
            producer.start();
            HttpLoad.Result result = load.run(rate, duration, writes::add);
            Instant to = Instant.now();
            producer.join(TimeUnit.SECONDS.toMillis(duration.toSeconds() + 30L));
            sent.run();

            say("  sent; waiting (at most " + APPLY_WAIT.toSeconds() + " s) for cart-service to apply every write and the raw "
                    + "records to arrive...");
            await(() -> writes.stream().allMatch(w -> watcher.appliedAt(w.userId(), w.version()) != null)
                    && raw.latency().count() >= raw.sent());
            Samples appliedLatency = new Samples();
            for (Write write : writes) {
                Instant at = watcher.appliedAt(write.userId(), write.version());
                if (at != null) {
                    appliedLatency.add(ChronoUnit.MICROS.between(write.answeredAt(), at));
                }
            }
            Samples.Sorted applied = appliedLatency.sorted();
            Samples.Sorted rawSorted = raw.latency().sorted();
            return new Result(name, rate, duration.toSeconds(), result.due(), result.ok(), result.failureSummary(),
                    result.latency().summary(), applied.count(), applied.summary(), applied.percentileMillis(99), raw.sent(),
                    rawSorted.count(), raw.sendErrors(), rawSorted.summary(), rawSorted.percentileMillis(99), watcher.failure(),
                    from, to);
        }
    }

    /** Polls every 500 ms until the condition holds or {@link #APPLY_WAIT} is up. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + APPLY_WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** The result as rows of a benchmark table. */
    static void addTo(Report report, Result r) {
        report.row(r.load() + " answered 2xx", String.format("%s of %s (%,d/s for %d s); %s", Report.count(r.accepted()),
                Report.count(r.due()), r.rate(), r.seconds(), r.failures()));
        report.row("HTTP latency p50 / p99 / max", r.httpLatency());
        report.row("write answered → cart-service applied (`known_user.applied_at`), p50 / p99 / max", r.appliedLatency()
                + String.format(" (%s of %s writes applied)", Report.count(r.applied()), Report.count(r.accepted()))
                + (r.watcherFailure() == null ? "" : "; watcher failed: " + r.watcherFailure()));
        report.row("raw broker produce → consume (`" + RawBroker.TOPIC + "`, acks=all, linger 0), p50 / p99 / max", r.rawLatency()
                + String.format(" (%s of %s records, %d send errors)", Report.count(r.rawReceived()), Report.count(r.rawSent()),
                        r.rawSendErrors()));
        report.target("consumer-applied p99 / raw p99", String.format("%.1f×", r.factor()), "≤ " + (int) RAW_FACTOR_TARGET + "×",
                r.met());
    }

    /** The result as a Markdown table (figure, measured, target, verdict). */
    public static String table(Result r) {
        Report report = new Report("");
        addTo(report, r);
        return report.table();
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
