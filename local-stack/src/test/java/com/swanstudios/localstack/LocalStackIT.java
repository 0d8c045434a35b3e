package com.swanstudios.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.catalog.PlatformCatalog;
import com.swanstudios.platform.catalog.PlatformCatalog.RouteSpec;
import com.swanstudios.platform.catalog.PlatformCatalog.ServiceSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the platform exactly as {@code ./run.sh} does (the packaged launcher and jars), on ports moved by
 * an offset so it can run beside a developer's own stack, and checks every service is ready and reachable
 * through the gateway; then stops it as Ctrl-C would and checks nothing is left listening.
 */
class LocalStackIT {

    private static final int OFFSET = 1000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final PlatformCatalog CATALOG = PlatformCatalog.load();
    private static final List<String> OUTPUT = new ArrayList<>();
    private static Process launcher;

    private static Path data;

    @BeforeAll
    static void startTheStack() throws Exception {
        Path home = Path.of(System.getProperty("swan.home", "..")).toAbsolutePath().normalize();
        data = Files.createTempDirectory("swan-e2e-");
        launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("local-stack/target/local-stack.jar").toString(),
                "--home", home.toString(), "--data-dir", data.toString(), "--port-offset", String.valueOf(OFFSET))
                .redirectErrorStream(true).start();
        // one thread reads the launcher's output for its whole life: it signals the ready line and keeps
        // draining, so the launcher never blocks on a full pipe
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (OUTPUT) {
                        OUTPUT.add(line);
                    }
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
        boolean up = ready.completeOnTimeout(false, 240, TimeUnit.SECONDS).get();
        synchronized (OUTPUT) {
            assertThat(up).as("the launcher printed its ready line; output:\n%s", String.join("\n", OUTPUT)).isTrue();
        }
    }

    @AfterAll
    static void stopIfStillRunning() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy(); // lets the launcher stop what it started
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void everyServiceIsReadyAndReachableThroughTheGatewayAndStopsCleanly() throws Exception {
        for (ServiceSpec service : CATALOG.services()) {
            HttpResponse<String> health = get("http://localhost:" + (service.port() + OFFSET) + "/q/health/ready");
            assertThat(health.statusCode()).as("%s readiness", service.name()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\": \"UP\"").contains("Kafka connection health check");
        }

        int gateway = CATALOG.gateway().port() + OFFSET;
        for (RouteSpec route : CATALOG.routes()) {
            HttpResponse<String> response = get("http://localhost:" + gateway + route.prefix());
            assertThat(response.statusCode()).as("%s via the gateway", route.prefix()).isNotIn(502, 503, 504);
            assertThat(response.headers().firstValue("X-Request-Id")).as("request id on %s", route.prefix()).isPresent();
            if (response.statusCode() == 404) {
                assertThat(response.body()).as("a 404 from %s itself, not the gateway", route.service())
                        .contains("No resource at " + route.prefix());
            }
        }

        HttpResponse<String> catalog = get("http://localhost:" + gateway + "/api/storefront/packages");
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).as("the starter catalog, through the gateway").contains("Gold Package").contains("\"nextCursor\"");

        accountsAndTokensWorkAcrossServices("http://localhost:" + gateway);
        GeneratedClientWalk.registerSignInAndBrowseTheCatalog("http://localhost:" + gateway);
        HttpResponse<String> docs = get("http://localhost:" + gateway + "/api/docs/openapi.json");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).as("the merged document, at the gateway").contains("\"operationId\" : \"listPackages\"");

        launcher.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stopped").isTrue();
        List<Integer> ports = new ArrayList<>(List.of(gateway, 15432 + OFFSET, 19092 + OFFSET, 19093 + OFFSET));
        CATALOG.services().forEach(s -> ports.add(s.port() + OFFSET));
        for (int port : ports) {
            assertThat(listening(port)).as("something still listens on %d", port).isFalse();
        }
    }

    /**
     * The README's walk-through: register, login, refresh and "me" through the gateway; then storefront-service
     * verifies user-service's tokens through the JWKS: an admin's write is accepted, a user's refused.
     */
    private static void accountsAndTokensWorkAcrossServices(String gateway) throws Exception {
        String handle = "e2e_" + System.nanoTime() % 1_000_000;
        String password = "a long enough password";
        HttpResponse<String> registered = post(gateway + "/api/auth/register", null,
                json("email", handle + "@example.com", "password", password, "username", handle, "displayName", "E2E"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> login = post(gateway + "/api/auth/login", null, json("email", handle + "@example.com", "password", password));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> refreshed = post(gateway + "/api/auth/refresh", null, json("refreshToken", field(login.body(), "refreshToken")));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String userToken = field(refreshed.body(), "accessToken");
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/users/me"))
                .header("Authorization", "Bearer " + userToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(handle + "@example.com").contains("\"emailVerified\":false");
        // the sign-up's verification mail, as the local stack keeps it, verifies the address once
        String link = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            try (var mails = Files.list(data.resolve("mail"))) {
                for (Path mail : mails.filter(m -> m.getFileName().toString().contains(handle)).toList()) {
                    var token = java.util.regex.Pattern.compile("verify-email\\?token=([A-Za-z0-9_-]+)").matcher(Files.readString(mail));
                    if (token.find()) {
                        return token.group(1);
                    }
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        HttpResponse<String> verified = post(gateway + "/api/auth/verify-email", null, json("token", link));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"emailVerified\":true");

        String pkg = "{\"name\": \"E2E " + handle + "\", \"packageType\": \"fixed\", \"sessions\": 4,"
                + " \"pricePerSessionCents\": 15000, \"displayOrder\": 9" + (System.nanoTime() % 1000) + "}";
        HttpResponse<String> refused = post(gateway + "/api/storefront/packages", userToken, pkg);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        // the local admin is enrolled in TOTP with the printed secret: password, then a code computed from it
        HttpResponse<String> firstStep = post(gateway + "/api/auth/login", null,
                json("email", LocalStack.LOCAL_ADMIN_EMAIL, "password", LocalStack.LOCAL_ADMIN_PASSWORD));
        assertThat(firstStep.statusCode()).as(firstStep.body()).isEqualTo(200);
        assertThat(firstStep.body()).contains("\"mfaRequired\":true").contains("\"accessToken\":null");
        HttpResponse<String> admin = post(gateway + "/api/auth/login/mfa", null, json("mfaToken", field(firstStep.body(), "mfaToken"),
                "code", TotpCode.at(LocalStack.LOCAL_ADMIN_TOTP_SECRET, java.time.Instant.now())));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        HttpResponse<String> created = post(gateway + "/api/storefront/packages", field(admin.body(), "accessToken"), pkg);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        buyThePackageAndBecomeAClient(gateway, userToken, field(refreshed.body(), "refreshToken"), field(created.body(), "id"));
    }

    /**
     * The commerce flow across services, by events only: the new package reaches cart-service's projection
     * (storefront.package.v1), the buyer checks out and pays on the simulated provider's page (the webhook's code
     * path), cart-service grants the package's 4 sessions (commerce.credits.v1), and user-service makes the buyer a
     * client, which the next refresh carries.
     */
    private static void buyThePackageAndBecomeAClient(String gateway, String token, String refreshToken, String packageId)
            throws Exception {
        String item = "{\"packageId\": \"" + packageId + "\", \"quantity\": 1}";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> added = post(gateway + "/api/cart/items", token, item);
            assertThat(added.statusCode()).as("the new package, once cart-service knows it: %s", added.body()).isEqualTo(201);
        });
        HttpResponse<String> checkout = send(HttpRequest.newBuilder(URI.create(gateway + "/api/cart/checkout"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "e2e-" + packageId).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
        String page = field(checkout.body(), "checkoutUrl");
        assertThat(page).as("the simulated provider's page, on the gateway").startsWith(gateway + "/");
        HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(page + "/complete"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

        HttpResponse<String> credits = send(HttpRequest.newBuilder(URI.create(gateway + "/api/credits/me"))
                .header("Authorization", "Bearer " + token));
        assertThat(credits.body()).as("the package's sessions, granted once").contains("\"balance\":4");
        // a refresh token is used once: each try refreshes with the token the previous one was given
        java.util.concurrent.atomic.AtomicReference<String> refresh = new java.util.concurrent.atomic.AtomicReference<>(refreshToken);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> next = post(gateway + "/api/auth/refresh", null, json("refreshToken", refresh.get()));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            refresh.set(field(next.body(), "refreshToken"));
            assertThat(next.body()).as("user-service heard of the grant").contains("\"role\":\"client\"");
        });
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A flat JSON object of string fields. */
    private static String json(String... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : ", ").append('"').append(namesAndValues[i]).append("\": \"").append(namesAndValues[i + 1]).append('"');
        }
        return out.append('}').toString();
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
