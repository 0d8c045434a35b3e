package com.swanstudios.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.swanstudios.localstack.bench.IdentityPropagation;
import com.swanstudios.localstack.bench.Machine;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's scenarios, one after another on one platform: the catalog list of 100 and a single
 * package, each straight to storefront-service and through the gateway, each measured for
 * {@code bench.seconds} (20) with {@code bench.connections} (32) keep-alive connections after a warm-up of
 * {@code bench.warmup} (10) seconds that is reported apart; then the checkout ({@link CheckoutScenario}):
 * {@code bench.checkout.buyers} (32) buyers for {@code bench.checkout.seconds} (60) after the same warm-up, its
 * ledger read afterwards ({@link CheckoutLedger}); then the home feed at growing numbers of posts
 * ({@link FeedScenario}); then challenge progress and leaderboards ({@link ChallengeScenario}); then the footprint after the load, and identity propagation.
 * {@code bench.parts} (catalog,checkout,feed,challenge,propagation) runs only some of them. Gatling runs on
 * the same cores as the platform, as wrk did in the measurements. Nothing here asserts a figure:
 * {@link BenchSummary} prints them beside the targets.
 */
public class PlatformSimulation extends Simulation {

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    /** The scenario names BenchSummary reads, measured (the warm-ups are prefixed "warm-up "). */
    static final List<String> MEASURED = List.of("list direct", "list gateway", "package direct", "package gateway");

    /**
     * The checkout scenario: this many buyers at once, each looping for this long after its own warm-up. The
     * warm-up is long (10 minutes) because the figure is the steady state: on two cores shared by six JVMs, C2 is
     * still compiling the reactive stack's paths minutes into the load (measured on this machine kind: 22-44
     * checkouts/s after 10 s of warm-up, 64 after 60 s, 82 after 240 s, 167 after 600 s, by then one compilation
     * in three seconds).
     */
    static final Duration CHECKOUT_WARM_UP = Duration.ofSeconds(Long.getLong("bench.checkout.warmup", 600));
    static final Duration CHECKOUT_MEASURE = Duration.ofSeconds(Long.getLong("bench.checkout.seconds", 60));
    static final int BUYERS = Integer.getInteger("bench.checkout.buyers", 32);

    /** Which parts run ({@code bench.parts}, default all): catalog, checkout, feed, challenge, propagation. */
    static final List<String> PARTS = List.of(System.getProperty("bench.parts", "catalog,checkout,feed,challenge,propagation").split(","));

    /** The identity-propagation table, for the summary. */
    static final String PROPAGATION = "propagation.md";
    /** The checkout's correctness table, for the summary. */
    static final String CHECKOUT = "checkout.md";

    private final BenchPlatform platform = BenchPlatform.start();
    private final CheckoutScenario checkout = PARTS.contains("checkout") ? CheckoutScenario.prepare(platform, BUYERS) : null;
    private final FeedScenario feed = PARTS.contains("feed") ? FeedScenario.prepare(platform, platform.social()) : null;
    private final ChallengeScenario challenge = PARTS.contains("challenge") ? ChallengeScenario.prepare(platform) : null;

    {
        // the catalog sends Cache-Control and an ETag: a caching client would stop asking
        HttpProtocolBuilder protocol = http.acceptHeader("application/json").disableCaching();
        String list = "/api/storefront/packages?limit=100";
        String single = "/api/storefront/packages/" + platform.packageId;
        List<PopulationBuilder> steps = new ArrayList<>();
        if (PARTS.contains("catalog")) {
            steps.addAll(load("list direct", platform.storefront() + list));
            steps.addAll(load("list gateway", platform.gateway() + list));
            steps.addAll(load("package direct", platform.storefront() + single));
            steps.addAll(load("package gateway", platform.gateway() + single));
        }
        if (PARTS.contains("checkout")) {
            steps.addAll(checkout.load(platform.gateway(), CHECKOUT_WARM_UP, CHECKOUT_MEASURE));
        }
        if (PARTS.contains("feed")) {
            steps.addAll(feed.load(WARM_UP, MEASURE));
        }
        if (PARTS.contains("challenge")) {
            steps.addAll(challenge.load(WARM_UP, MEASURE));
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    /** A warm-up, then the measured run, of CONNECTIONS users each asking again as soon as answered. */
    private static List<PopulationBuilder> load(String name, String url) {
        return List.of(loop("warm-up " + name, url, WARM_UP), loop(name, url, MEASURE));
    }

    private static PopulationBuilder loop(String name, String url, Duration duration) {
        return scenario(name).during(duration).on(exec(http(name).get(url).check(status().is(200))))
                .injectOpen(atOnceUsers(CONNECTIONS));
    }

    @Override
    public void after() {
        try {
            Footprint.write(platform, Machine.residentKib(platform.stack.launcher()));
            if (checkout != null) {
                checkoutLedger();
            }
            if (PARTS.contains("propagation")) {
                propagation();
            }
        } finally {
            platform.close();
        }
    }

    /** How many seconds a measured scenario ran, to turn its count into a rate. */
    static long seconds(String name) {
        return (CheckoutScenario.GROUP.equals(name) ? CHECKOUT_MEASURE
                : ChallengeScenario.GROUP.equals(name) ? ChallengeScenario.MEASURE : MEASURE).toSeconds();
    }

    private void checkoutLedger() {
        try {
            BenchOutput.write(CHECKOUT, CheckoutLedger.read(platform.stack, checkout, platform.packageSessions).table());
        } catch (Exception e) {
            BenchOutput.write(CHECKOUT, "Not read: " + e + "\n");
        }
    }

    /**
     * Identity propagation, after the catalog load and its footprint: sign-ups at {@code bench.propagation.rate}
     * (25/s: below the about 45/s one user-service sustains for sign-ups on 2 cores beside the load generator, so
     * the figure is propagation, not queueing) for {@code bench.propagation.seconds} (30) after as many seconds of
     * unmeasured ones as the catalog's warm-up, answered → applied by cart-service, beside the raw broker.
     */
    private void propagation() {
        int rate = Integer.getInteger("bench.propagation.rate", 25);
        Duration measure = Duration.ofSeconds(Long.getLong("bench.propagation.seconds", 30));
        System.out.printf("Identity propagation: %d sign-ups/s and %d raw records/s for %d s, after %d s of warm-up%n", rate,
                rate, measure.toSeconds(), WARM_UP.toSeconds());
        try {
            BenchOutput.write(PROPAGATION, IdentityPropagation.table(
                    IdentityPropagation.afterRegistration(platform.stack, rate, WARM_UP, measure)));
        } catch (Exception e) {
            BenchOutput.write(PROPAGATION, "Not measured: " + e + "\n");
        }
    }
}
