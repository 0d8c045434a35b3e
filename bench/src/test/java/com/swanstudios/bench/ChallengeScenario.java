package com.swanstudios.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.localstack.bench.Accounts;
import com.swanstudios.localstack.bench.Accounts.Account;
import com.swanstudios.localstack.bench.BenchStack;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The challenge scenario of issue 23, through the gateway: the local admin founds a community and a global challenge
 * (goal {@value #GOAL} km, {@value #POINTS_PER_UNIT} points a km, {@value #BONUS} at the goal); {@value #PARTICIPANTS}
 * new accounts join it and report progress all at once, each report a fresh idempotency key, one in four sent twice
 * (a client retrying), for {@code bench.challenge.seconds} (30). What the answers accepted gives the leaderboard the
 * reports should produce (each participant's accepted km, capped at the goal, times the points, plus the bonus),
 * compared with the one the service shows. Then {@code bench.challenge.participants} (100,000) participants in all
 * (the rest inserted with bulk SQL; the service's triggers keep the rank counts) and the leaderboard read at
 * {@code bench.challenge.rate} (100) req/s: its first page by a reader who does not take part, and the same page
 * with the caller's own rank by the participants, who rank anywhere in the 100,000.
 */
final class ChallengeScenario {

    static final String GROUP = "challenge report";
    static final String TABLE = "challenge.md";
    static final String PAGE = "leaderboard page";
    static final String OWN_RANK = "leaderboard page and own rank";
    static final int PARTICIPANTS = 100;
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.challenge.seconds", 30));
    private static final long GOAL = 200;
    private static final int POINTS_PER_UNIT = 10;
    private static final int BONUS = 500;
    private static final String DATABASE = "community_service";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BenchStack stack;
    private final String gateway;
    private final String admin;
    private final String challenge;
    private final List<Account> athletes;
    private final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong repeatsCountedOnce = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final StringBuilder table = new StringBuilder();

    private ChallengeScenario(BenchStack stack, String gateway, String admin, String challenge, List<Account> athletes) {
        this.stack = stack;
        this.gateway = gateway;
        this.admin = admin;
        this.challenge = challenge;
        this.athletes = athletes;
        athletes.forEach(athlete -> accepted.put(athlete.id(), new AtomicLong()));
    }

    /** The community and the challenge, and the participants signed up, known to community-service and joined. */
    static ChallengeScenario prepare(BenchPlatform platform) {
        String gateway = platform.gateway();
        try {
            String community = id(send(gateway + "/api/communities", platform.admin, """
                    {"name": "Bench runners %s", "category": "running", "privacy": "public", "membershipType": "open"}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8)), 201));
            OffsetDateTime now = OffsetDateTime.now();
            String challenge = id(send(gateway + "/api/communities/" + community + "/challenges", platform.admin, """
                    {"title": "Bench 200 km", "type": "global", "goal": %d, "unit": "km", "pointsPerUnit": %d,
                     "completionBonus": %d, "startsAt": "%s", "endsAt": "%s"}""".formatted(GOAL, POINTS_PER_UNIT, BONUS,
                    now.minusMinutes(1), now.plusDays(30)), 201));
            List<Account> athletes = Accounts.register(HTTP, platform.stack.userService(), "athlete", PARTICIPANTS,
                    Duration.ofMinutes(2));
            awaitKnown(platform.stack, athletes);
            for (Account athlete : athletes) {
                send(gateway + "/api/challenges/" + challenge + "/participants", athlete.accessToken(), "{}", 201);
            }
            return new ChallengeScenario(platform.stack, gateway, platform.admin, challenge, athletes);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the challenge scenario: " + e, e);
        }
    }

    /**
     * The reports (a warm-up, then measured), the check of the leaderboard against them and the seeding of the
     * other participants (one user, unmeasured), then the reads.
     */
    List<PopulationBuilder> load(Duration warmUp, Duration readFor) {
        HttpProtocolBuilder shared = http.acceptHeader("application/json").shareConnections();
        int rate = Integer.getInteger("bench.challenge.rate", 100);
        String board = gateway + "/api/challenges/" + challenge + "/leaderboard?limit=20";
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(reporting("warm-up " + GROUP, warmUp));
        steps.add(reporting(GROUP, MEASURE));
        steps.add(scenario("check and seed the leaderboard").exec(session -> {
            checkAndSeed();
            return session;
        }).injectOpen(atOnceUsers(1)));
        for (boolean warm : List.of(true, false)) {
            String prefix = warm ? "warm-up " : "";
            steps.add(scenario(prefix + PAGE).exec(http(prefix + PAGE).get(board).header("Authorization", "Bearer " + admin)
                            .check(status().is(200)))
                    .injectOpen(constantUsersPerSec(rate).during(warm ? warmUp : readFor)).protocols(shared));
            steps.add(scenario(prefix + OWN_RANK).feed(tokens()).exec(http(prefix + OWN_RANK).get(board)
                            .header("Authorization", "Bearer #{token}").check(status().is(200), jsonPath("$.me.rank").exists()))
                    .injectOpen(constantUsersPerSec(rate).during(warm ? warmUp : readFor)).protocols(shared));
        }
        return steps;
    }

    /** Every participant at once, each reporting over and over for this long. */
    private PopulationBuilder reporting(String name, Duration duration) {
        Iterator<Map<String, Object>> feeder = athletes.stream()
                .map(athlete -> Map.<String, Object>of("token", athlete.accessToken(), "user", athlete.id())).iterator();
        return scenario(name).feed(feeder).during(duration, false).on(
                        exec(ChallengeScenario::choose)
                                .exec(http(name).post(gateway + "/api/challenges/" + challenge + "/progress")
                                        .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                                        .body(StringBody(session -> "{\"amount\": " + session.getLong("amount")
                                                + ", \"idempotencyKey\": \"" + session.getString("key") + "\"}"))
                                        .check(status().is(200), jsonPath("$.repeated").ofBoolean().saveAs("repeated")))
                                .exec(this::counted))
                .injectOpen(atOnceUsers(athletes.size()));
    }

    /** The next report: after an answered new one, one time in four the same again (a retry); else a new key and amount. */
    private static Session choose(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean resend = session.contains("answered") && session.getBoolean("answered")
                && !(session.contains("resent") && session.getBoolean("resent")) && random.nextInt(4) == 0;
        Session next = session.set("resent", resend).set("answered", false).remove("repeated");
        return resend ? next : next.set("key", UUID.randomUUID().toString()).set("amount", (long) random.nextInt(1, 6));
    }

    /** What the answer said: a new report's amount accepted, a resent one counted once. */
    private Session counted(Session session) {
        if (session.isFailed() || !session.contains("repeated")) {
            return session.markAsSucceeded();
        }
        reports.incrementAndGet();
        boolean repeated = session.getBoolean("repeated");
        if (session.getBoolean("resent")) {
            repeats.incrementAndGet();
            if (repeated) {
                repeatsCountedOnce.incrementAndGet();
            }
        } else if (!repeated) {
            accepted.get(session.getString("user")).addAndGet(session.getLong("amount"));
        }
        return session.set("answered", true);
    }

    private Iterator<Map<String, Object>> tokens() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("token", athletes.get(next++ % athletes.size()).accessToken());
            }
        };
    }

    /** The leaderboard beside the one the accepted reports make; then the other participants inserted. */
    private void checkAndSeed() {
        try {
            Map<String, Long> shown = new HashMap<>();
            boolean ordered = true;
            long last = Long.MAX_VALUE;
            String cursor = null;
            do {
                String url = gateway + "/api/challenges/" + challenge + "/leaderboard?limit=100"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                JsonNode page = JSON.readTree(get(url, admin));
                for (JsonNode entry : page.path("items")) {
                    long points = entry.path("points").asLong();
                    ordered &= points <= last;
                    last = points;
                    shown.put(entry.path("id").asText(), points);
                }
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
            long mismatches = 0;
            long completed = 0;
            for (Account athlete : athletes) {
                long progress = Math.min(GOAL, accepted.get(athlete.id()).get());
                completed += progress == GOAL ? 1 : 0;
                long expected = progress * POINTS_PER_UNIT + (progress == GOAL ? BONUS : 0);
                mismatches += expected == shown.getOrDefault(athlete.id(), -1L) ? 0 : 1;
            }
            boolean equal = mismatches == 0 && shown.size() == athletes.size() && ordered;
            table.append("| figure | value | target |\n|---|---:|---|\n")
                    .append(row("reports answered (warm-up included)", reports.get(), ""))
                    .append(row("resent reports answered repeated (counted once)", repeatsCountedOnce.get(),
                            "= resent " + String.format("%,d", repeats.get()) + verdict(repeatsCountedOnce.get() == repeats.get())))
                    .append(row("participants at the goal (capped)", completed, ""))
                    .append(row("participants whose points differ from their accepted reports", mismatches, "0" + verdict(mismatches == 0)))
                    .append(String.format("| leaderboard equals the one computed from the reports | %s | yes%s |%n",
                            equal ? "yes" : "no", verdict(equal)));
            seedParticipants();
        } catch (Exception e) {
            table.append("Not checked: ").append(e).append('\n');
            throw new IllegalStateException(e);
        } finally {
            BenchOutput.write(TABLE, table.toString());
        }
    }

    private void seedParticipants() throws SQLException {
        int total = Integer.getInteger("bench.challenge.participants", 100_000);
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(DATABASE), DATABASE, DATABASE);
                Statement sql = db.createStatement()) {
            // points anywhere from nothing to the goal's; reached at some moment of the last day (ties are possible)
            sql.execute("""
                    insert into participant (challenge_id, user_id, progress, points, completed_at, reached_at, joined_at)
                    select '%1$s', gen_random_uuid(), p, p * %2$d, null, now() - random() * interval '1 day', now() - interval '1 day'
                    from (select floor(random() * %3$d)::bigint as p from generate_series(1, %4$d)) g""".formatted(challenge,
                    POINTS_PER_UNIT, GOAL, total - athletes.size()));
            sql.execute("vacuum analyze participant");
            sql.execute("vacuum analyze leaderboard_count");
            long participants;
            try (ResultSet rows = sql.executeQuery("select count(*) from participant where challenge_id = '" + challenge + "'")) {
                rows.next();
                participants = rows.getLong(1);
            }
            table.append(String.format("%nThen %,d participants in all (%,d inserted with bulk SQL in %.0f s, the rank "
                    + "counts kept by the service's triggers) for the reads below.%n", participants, participants - athletes.size(),
                    (System.nanoTime() - started) / 1e9));
        }
    }

    private static void awaitKnown(BenchStack stack, List<Account> athletes) throws SQLException, InterruptedException {
        String ids = String.join("','", athletes.stream().map(Account::id).toList());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(DATABASE), DATABASE, DATABASE);
                Statement sql = db.createStatement()) {
            while (true) {
                try (ResultSet rows = sql.executeQuery("select count(*) from known_user where id in ('" + ids + "')")) {
                    rows.next();
                    if (rows.getLong(1) >= athletes.size()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("community-service did not learn of the participants within a minute");
                }
                Thread.sleep(200);
            }
        }
    }

    private static String send(String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String json) throws Exception {
        return JSON.readTree(json).path("id").asText();
    }

    private static String row(String label, long value, String target) {
        return String.format("| %s | %,d | %s |%n", label, value, target);
    }

    private static String verdict(boolean met) {
        return met ? " (met)" : " (missed)";
    }
}
