package com.swanstudios.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.localstack.bench.Accounts.Account;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Open-loop account writes to user-service: request i is due at start + i / rate whatever earlier requests
 * are doing, and its latency is counted from when it was due (so a stalled server shows up in the figures
 * instead of slowing the load down). Two kinds: {@link #patches} ({@code PATCH /api/users/me}, users taking
 * turns, so one user is written once every users / rate seconds) and {@link #registrations} (a new account
 * per request). At most {@value #MAX_IN_FLIGHT} requests are in flight; one due beyond that is skipped and
 * counted.
 */
final class HttpLoad {

    static final int MAX_IN_FLIGHT = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One accepted write, as the client saw it: the account's id and version, and when the answer arrived. */
    record Write(String userId, long version, Instant answeredAt) {
    }

    /** What a run did. */
    record Result(long due, long ok, Map<Integer, Long> failedStatuses, long transportErrors, long skipped,
            double seconds, Samples.Sorted latency) {

        double achievedRate() {
            return ok / seconds;
        }

        long failures() {
            return failedStatuses.values().stream().mapToLong(Long::longValue).sum() + transportErrors + skipped;
        }

        String failureSummary() {
            return String.format("%d non-2xx%s, %d transport errors, %d skipped (over %d in flight)", failedStatuses.values()
                    .stream().mapToLong(Long::longValue).sum(), failedStatuses.isEmpty() ? "" : " " + failedStatuses, transportErrors,
                    skipped, MAX_IN_FLIGHT);
        }
    }

    private final HttpClient http;
    private final LongFunction<HttpRequest> requests;
    private final Function<JsonNode, JsonNode> accountIn;
    private final AtomicLong sequence = new AtomicLong();

    private HttpLoad(HttpClient http, LongFunction<HttpRequest> requests, Function<JsonNode, JsonNode> accountIn) {
        this.http = http;
        this.requests = requests;
        this.accountIn = accountIn;
    }

    /** {@code PATCH /api/users/me} (a new display name) by these accounts in turn; the answer is the account. */
    static HttpLoad patches(HttpClient http, String userService, List<Account> accounts) {
        URI me = URI.create(userService + "/api/users/me");
        return new HttpLoad(http, n -> {
            Account account = accounts.get((int) (n % accounts.size()));
            return HttpRequest.newBuilder(me).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + account.accessToken()).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Bench " + n + "\"}")).build();
        }, body -> body);
    }

    /** {@code POST /api/auth/register} of a new account each time, named {@code <name>N}; the answer is a session. */
    static HttpLoad registrations(HttpClient http, String userService, String name) {
        return new HttpLoad(http, n -> Accounts.registration(userService, name, n), session -> session.path("user"));
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}; {@code writes}, when given, hears of every
     * accepted write (the response body is read for it).
     */
    Result run(int rate, Duration duration, java.util.function.Consumer<Write> writes) throws InterruptedException {
        long total = rate * duration.toSeconds();
        Samples latency = new Samples();
        LongAdder ok = new LongAdder();
        LongAdder transportErrors = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long skipped = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                skipped++;
                continue;
            }
            HttpRequest request = requests.apply(sequence.getAndIncrement());
            HttpResponse.BodyHandler<String> body = writes == null
                    ? HttpResponse.BodyHandlers.replacing(null) : HttpResponse.BodyHandlers.ofString();
            http.sendAsync(request, body).whenComplete((response, error) -> {
                Instant answeredAt = Instant.now();
                latency.add((System.nanoTime() - due) / 1000);
                try {
                    if (error != null) {
                        transportErrors.increment();
                    } else if (response.statusCode() / 100 != 2) {
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    } else {
                        ok.increment();
                        if (writes != null) {
                            writes.accept(write(response.body(), answeredAt));
                        }
                    }
                } finally {
                    inFlight.release(); // last: once every permit is back, every answer is counted
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the last answers: bounded by the requests' own timeout
        if (inFlight.tryAcquire(MAX_IN_FLIGHT, 40, TimeUnit.SECONDS)) {
            inFlight.release(MAX_IN_FLIGHT);
        }
        Map<Integer, Long> failed = new TreeMap<>();
        statuses.forEach((status, count) -> failed.put(status, count.sum()));
        return new Result(total, ok.sum(), failed, transportErrors.sum(), skipped, seconds, latency.sorted());
    }

    private Write write(String body, Instant answeredAt) {
        try {
            JsonNode account = accountIn.apply(JSON.readTree(body));
            return new Write(account.path("id").asText(), account.path("version").asLong(), answeredAt);
        } catch (IOException e) {
            throw new IllegalStateException("not an account view: " + body, e);
        }
    }
}
