package com.swanstudios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes {@code target/bench-summary.md} from the latest Gatling run ({@link #readStats}) and the footprint the
 * simulation kept: each scenario's throughput and latency, the gateway/direct ratios, time to ready and memory,
 * each beside the target, and prints its path. Throughput is the requests answered over the measured
 * seconds (Gatling's own mean is over the whole run, all scenarios).
 */
public final class BenchSummary {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private BenchSummary() {
    }

    record Figures(long requests, long errors, long p50, long p95, long p99, double perSecond) {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        Path run = latestRun(target.resolve("gatling"))
                .orElseThrow(() -> new IllegalStateException("no Gatling run under " + target.resolve("gatling")));
        Map<String, Figures> figures = figures(readStats(run.resolve("js/stats.js")));
        Footprint footprint = Footprint.read(target);
        Path propagation = BenchOutput.dir(target).resolve(PlatformSimulation.PROPAGATION);
        String propagationTable = Files.isRegularFile(propagation) ? Files.readString(propagation) : "Not run.\n";
        Path checkout = BenchOutput.dir(target).resolve(PlatformSimulation.CHECKOUT);
        String checkoutTable = Files.isRegularFile(checkout) ? Files.readString(checkout) : "Not run.\n";
        Path summary = target.resolve("bench-summary.md");
        Files.writeString(summary, markdown(figures, footprint, checkoutTable, propagationTable, run));
        System.out.println("\nBenchmark summary: " + summary.toAbsolutePath() + "\n");
        System.out.println(Files.readString(summary));
    }

    static String markdown(Map<String, Figures> figures, Footprint footprint, String checkout, String propagation, Path run) {
        StringBuilder out = new StringBuilder();
        out.append("# SwanStudios benchmark\n\n")
                .append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(footprint.machine()).append(".  \nPlatform JVM settings (production): `").append(footprint.jvm())
                .append("`. Load: Gatling on the same machine, ").append(PlatformSimulation.CONNECTIONS)
                .append(" keep-alive connections, each scenario measured for ").append(PlatformSimulation.MEASURE.toSeconds())
                .append(" s after a ").append(PlatformSimulation.WARM_UP.toSeconds()).append(" s warm-up, the started platform having had ")
                .append(Long.getLong("bench.settle", 20)).append(" s to settle. The list of 100 is ")
                .append(String.format("%,d", footprint.listBytes())).append(" bytes of JSON.\n\n");
        out.append("## Catalog\n\n| scenario | req/s | p50 ms | p99 ms | errors | target |\n|---|---:|---:|---:|---:|---|\n");
        Map<String, String> targets = Map.of("list gateway", "≥ 7,600 req/s", "package gateway", "≥ 14,000 req/s");
        Map<String, Double> thresholds = Map.of("list gateway", 7600.0, "package gateway", 14000.0);
        for (String name : PlatformSimulation.MEASURED) {
            Figures f = figures.get(name);
            if (f == null) {
                out.append("| ").append(name).append(" | not run | | | | |\n");
                continue;
            }
            String goal = targets.containsKey(name) ? targets.get(name) + verdict(f.perSecond() >= thresholds.get(name)) : "";
            out.append(String.format("| %s | %,.0f | %d | %d | %d | %s |%n", name, f.perSecond(), f.p50(), f.p99(), f.errors(), goal));
        }
        out.append("\n| ratio | value | target |\n|---|---:|---|\n");
        ratio(out, figures, "list gateway / direct", "list gateway", "list direct");
        ratio(out, figures, "package gateway / direct", "package gateway", "package direct");
        checkout(out, figures.get(CheckoutScenario.GROUP), checkout);
        challenge(out, figures, BenchOutput.dir(run.getParent().getParent()).resolve(ChallengeScenario.TABLE));
        feed(out, figures, BenchOutput.dir(run.getParent().getParent()).resolve(FeedScenario.PLANS));
        out.append("\n## Footprint\n\n| application | ready s | RSS idle MiB | RSS after load MiB |\n|---|---:|---:|---:|\n");
        for (String app : footprint.readySeconds().keySet()) {
            out.append(String.format("| %s | %.1f | %s | %s |%n", app, footprint.readySeconds().get(app),
                    mib(footprint.idleRssKib().get(app)), mib(footprint.loadedRssKib().get(app))));
        }
        out.append(String.format("%nThe whole stack up in %.1f s (target ≤ 10 s on 2 cores)%s. Targets per service: ready ≤ 2 s "
                        + "(≤ 1 s with the AOT cache), RSS ≤ 200 MB idle and ≤ 400 MB after the load. Times are from process start "
                        + "to health UP with every application starting at once on the same cores.%n",
                footprint.stackSeconds(), verdict(footprint.stackSeconds() <= 10)));
        out.append("\n## Identity propagation\n\nSign-ups straight to user-service after the catalog load, each new account's "
                + "first identity.user.v1 state from the sign-up's answer to cart-service's projection row, beside a plain "
                + "producer and consumer on a scratch topic at the same rate in the same stretch.\n\n").append(propagation);
        out.append("\nGatling's report: ").append(run.resolve("index.html").toAbsolutePath()).append('\n');
        return out.toString();
    }

    private static void checkout(StringBuilder out, Figures f, String ledger) {
        out.append("\n## Checkout\n\n").append(PlatformSimulation.BUYERS).append(" buyers at once through the gateway for ")
                .append(PlatformSimulation.CHECKOUT_MEASURE.toSeconds()).append(" s after a ")
                .append(PlatformSimulation.CHECKOUT_WARM_UP.toSeconds())
                .append(" s warm-up (the JIT's steady state; -Dbench.checkout.warmup=10 shows a cold platform), each "
                        + "looping: add a package to the cart, check out (a new Idempotency-Key), then the provider's "
                        + "signed checkout.session.completed delivered to the webhook twice. A checkout is the four "
                        + "requests; its time is theirs together.\n\n")
                .append("| checkouts/s | p50 ms | p95 ms | p99 ms | failed | target |\n|---:|---:|---:|---:|---:|---|\n");
        if (f == null) {
            out.append("| not run | | | | | |\n");
        } else {
            out.append(String.format("| %,.1f | %d | %d | %d | %d | ≥ 100/s on 2 cores%s |%n", f.perSecond(), f.p50(), f.p95(),
                    f.p99(), f.errors(), verdict(f.perSecond() >= 100)));
        }
        out.append("\nThe ledger afterwards (warm-up included):\n\n").append(ledger);
    }

    /** Progress reports under contention, whether the leaderboard adds up, and leaderboard reads at 100k. */
    private static void challenge(StringBuilder out, Map<String, Figures> figures, Path table) {
        Figures reports = figures.get(ChallengeScenario.GROUP);
        Figures page = figures.get(ChallengeScenario.PAGE);
        Figures own = figures.get(ChallengeScenario.OWN_RANK);
        out.append("\n## Challenge\n\n").append(ChallengeScenario.PARTICIPANTS).append(" participants of one global "
                + "challenge reporting progress at once through the gateway for ").append(ChallengeScenario.MEASURE.toSeconds())
                .append(" s (one report in four sent twice); then the leaderboard's first page of 20 at a steady rate, "
                        + "read by a non-participant (the page) and by the participants (the page and their own rank).\n\n")
                .append("| figure | req/s | p50 ms | p95 ms | errors | target |\n|---|---:|---:|---:|---:|---|\n");
        if (reports == null) {
            out.append("| not run | | | | | |\n");
            return;
        }
        out.append(String.format("| progress report | %,.1f | %d | %d | %d | |%n", reports.perSecond(), reports.p50(), reports.p95(),
                reports.errors()));
        for (Figures f : new Figures[] {page, own}) {
            if (f != null) {
                out.append(String.format("| %s | %,.0f | %d | %d | %d | p95 ≤ 10 ms%s |%n", f == page ? ChallengeScenario.PAGE
                        : ChallengeScenario.OWN_RANK, f.perSecond(), f.p50(), f.p95(), f.errors(), verdict(f.p95() <= 10)));
            }
        }
        try {
            out.append('\n').append(Files.isRegularFile(table) ? Files.readString(table) : "Not checked.\n");
        } catch (IOException e) {
            out.append("\nNot read: ").append(e).append('\n');
        }
    }

    /** The home feed per stage (the labels in the figures' names, smallest first) and the growth from the first. */
    private static void feed(StringBuilder out, Map<String, Figures> figures, Path plans) {
        List<String> stages = figures.keySet().stream().filter(name -> name.startsWith("feed first "))
                .map(name -> name.substring("feed first ".length()))
                .sorted(Comparator.comparingLong(BenchSummary::posts)).toList();
        out.append("\n## Home feed\n\n").append(String.format("%,d", Integer.getInteger("bench.feed.users", 10_000)))
                .append(" users each following ").append(FeedScenario.FOLLOWS).append(", posts seeded in stages; at each, ")
                .append(FeedScenario.READERS).append(" readers' first page and 10th page of 20 read straight from "
                        + "social-service at a steady rate. The feed table holds each reader's newest ")
                .append(FeedScenario.CAPACITY).append(" entries, as the trimmed service does.\n\n")
                .append("| posts | first p50 ms | first p95 ms | deep p50 ms | deep p95 ms | errors | target |\n")
                .append("|---:|---:|---:|---:|---:|---:|---|\n");
        if (stages.isEmpty()) {
            out.append("| not run | | | | | | |\n");
            return;
        }
        for (String stage : stages) {
            Figures first = figures.get("feed first " + stage);
            Figures deep = figures.getOrDefault("feed deep " + stage, new Figures(0, 0, 0, 0, 0, 0));
            boolean last = stage.equals(stages.get(stages.size() - 1));
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %s |%n", stage, first.p50(), first.p95(), deep.p50(),
                    deep.p95(), first.errors() + deep.errors(),
                    last ? "p95 ≤ 5 ms" + verdict(first.p95() <= 5 && deep.p95() <= 5) : ""));
        }
        String smallest = stages.get(0);
        String largest = stages.get(stages.size() - 1);
        for (String page : List.of("first", "deep")) {
            Figures a = figures.get("feed " + page + " " + largest);
            Figures b = figures.get("feed " + page + " " + smallest);
            if (a != null && b != null && b.p95() > 0) {
                double growth = a.p95() / (double) b.p95();
                out.append(String.format("%np95(%s) / p95(%s), %s page: %.2f (target ≤ 1.5%s)", largest, smallest, page, growth,
                        verdict(growth <= 1.5)));
            }
        }
        out.append("\n\nGatling reports whole milliseconds. The page query's plans at each stage: ")
                .append(plans.toAbsolutePath()).append('\n');
    }

    /** A stage's label (10k, 1M) as its number of posts. */
    private static long posts(String label) {
        return label.endsWith("M") ? Long.parseLong(label.substring(0, label.length() - 1)) * 1_000_000
                : label.endsWith("k") ? Long.parseLong(label.substring(0, label.length() - 1)) * 1_000 : Long.parseLong(label);
    }

    private static void ratio(StringBuilder out, Map<String, Figures> figures, String label, String through, String direct) {
        Figures a = figures.get(through);
        Figures b = figures.get(direct);
        if (a == null || b == null || b.perSecond() == 0) {
            return;
        }
        double value = a.perSecond() / b.perSecond();
        out.append(String.format("| %s | %.2f | ≥ 0.85%s |%n", label, value, verdict(value >= 0.85)));
    }

    private static String verdict(boolean met) {
        return met ? " (met)" : " (missed)";
    }

    private static String mib(Long kib) {
        return kib == null ? "" : String.format("%.0f", kib / 1024.0);
    }

    /**
     * Gatling 3.13 keeps its figures in the report's {@code js/stats.js}: {@code var stats = {...}} (keys partly
     * unquoted, numbers as strings), then the page's functions. The object is cut out by its braces.
     */
    static JsonNode readStats(Path statsJs) throws IOException {
        String text = Files.readString(statsJs);
        int start = text.indexOf('{', text.indexOf("var stats"));
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return JSON.readTree(text.substring(start, i + 1));
            }
        }
        throw new IOException("no stats object in " + statsJs);
    }

    private static long number(JsonNode node) {
        String text = node.asText("");
        return text.matches("\\d+") ? Long.parseLong(text) : 0;
    }

    /**
     * Per request or group name at the top level (a group's count is its iterations, its times theirs): counts and
     * percentiles (Gatling's percentiles1 is p50, percentiles3 p95, percentiles4 p99).
     */
    static Map<String, Figures> figures(JsonNode stats) {
        Map<String, Figures> byName = new HashMap<>();
        stats.path("contents").forEach(node -> {
            JsonNode s = node.path("stats");
            long total = number(s.path("numberOfRequests").path("total"));
            byName.put(node.path("name").asText(), new Figures(total, number(s.path("numberOfRequests").path("ko")),
                    number(s.path("percentiles1").path("total")), number(s.path("percentiles3").path("total")),
                    number(s.path("percentiles4").path("total")),
                    total / (double) PlatformSimulation.seconds(node.path("name").asText())));
        });
        return byName;
    }

    private static Optional<Path> latestRun(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve("js/stats.js")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }
}
