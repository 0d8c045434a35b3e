package com.swanstudios.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Signs up the benchmark's users, a few at a time, and keeps each one's id and access token. */
public final class Accounts {

    public record Account(String id, String accessToken) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 8;
    private static final int ATTEMPTS = 3;

    static List<Account> register(HttpClient http, String userService, int count, Duration timeout) throws Exception {
        return register(http, userService, "bench", count, timeout);
    }

    /** {@code count} new accounts named {@code <name>N}, {@value #PARALLEL} sign-ups at a time. */
    public static List<Account> register(HttpClient http, String userService, String name, int count, Duration timeout)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Account>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                pending.add(pool.submit(() -> registerOne(http, userService, name, n)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Account> accounts = new ArrayList<>(count);
            for (Future<Account> future : pending) {
                accounts.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return accounts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A sign-up of {@code <name>N@example.com}, username {@code <name>_N}. */
    static HttpRequest registration(String userService, String name, long n) {
        String body = JSON.createObjectNode().put("email", name + n + "@example.com").put("password", "a benchmark password")
                .put("username", name + "_" + n).put("displayName", "Bench " + n).toString();
        return HttpRequest.newBuilder(URI.create(userService + "/api/auth/register")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Account registerOne(HttpClient http, String userService, String name, int n)
            throws IOException, InterruptedException {
        HttpRequest request = registration(userService, name, n);
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode session = JSON.readTree(response.body());
                    return new Account(session.path("user").path("id").asText(), session.path("accessToken").asText());
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200L * attempt);
        }
        throw new IllegalStateException("cannot register user " + n + ": " + last);
    }
}
