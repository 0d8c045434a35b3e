package com.swanstudios.bench;

import com.swanstudios.localstack.LocalStack;
import com.swanstudios.localstack.TotpCode;
import com.swanstudios.localstack.bench.BenchStack;
import com.swanstudios.localstack.bench.Machine;
import com.swanstudios.platform.catalog.PlatformCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged platform for the benchmark: started with the production JVM settings on ports moved by
 * {@value #OFFSET} (so it runs beside a developer's own stack), and a catalog of {@value #PACKAGES} active
 * packages created through the gateway by the local admin (password, then a TOTP code from its secret), then
 * {@code bench.settle} (20) seconds without load before anything is measured.
 */
final class BenchPlatform implements AutoCloseable {

    static final int OFFSET = 3000;
    static final int PACKAGES = 100;
    private static final PlatformCatalog CATALOG = PlatformCatalog.load();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final BenchStack stack;
    final String packageId;
    /** The package's totalSessions: what one checkout of it grants. */
    final int packageSessions;
    final int listBytes;
    final Map<String, Long> idleRssKib;
    /** The local admin's access token (it founds the challenge scenario's community and challenge). */
    final String admin;

    private BenchPlatform(BenchStack stack, String packageId, int packageSessions, int listBytes, Map<String, Long> idleRssKib,
            String admin) {
        this.stack = stack;
        this.packageId = packageId;
        this.packageSessions = packageSessions;
        this.listBytes = listBytes;
        this.idleRssKib = idleRssKib;
        this.admin = admin;
    }

    static BenchPlatform start() {
        Path home = Path.of(System.getProperty("bench.home", "..")).toAbsolutePath().normalize();
        BenchStack stack = null;
        try {
            stack = BenchStack.start(home, OFFSET);
            // the platform never outlives the benchmark, however it ends
            BenchStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "bench-platform-stop"));
            String gateway = "http://127.0.0.1:" + stack.port(CATALOG.gateway().port());
            String admin = adminToken(gateway);
            String list = get(gateway + "/api/storefront/packages?limit=100");
            int existing = count(list);
            String created = null;
            for (int n = existing; n < PACKAGES; n++) {
                created = field(post(gateway + "/api/storefront/packages", admin, packageBody(n), 201), "id");
            }
            list = get(gateway + "/api/storefront/packages?limit=100");
            if (count(list) < PACKAGES) {
                throw new IllegalStateException("the catalog holds " + count(list) + " packages, not " + PACKAGES);
            }
            System.out.printf("Seeded %d packages; the list of 100 is %,d bytes%n", PACKAGES - existing, list.length());
            // six JVMs that just started are still compiling their start-up paths: the first scenario would pay for it
            long settle = Long.getLong("bench.settle", 20);
            System.out.printf("Letting the platform settle for %d s%n", settle);
            Thread.sleep(settle * 1000);
            // idle: started and settled, no load yet
            Map<String, Long> idle = Machine.residentKib(stack.launcher());
            String packageId = created != null ? created : field(list, "id");
            int sessions = number(get(gateway + "/api/storefront/packages/" + packageId), "totalSessions");
            return new BenchPlatform(stack, packageId, sessions, list.length(), idle, admin);
        } catch (IOException | RuntimeException e) {
            if (stack != null) {
                stack.close();
            }
            throw new IllegalStateException("could not start or seed the platform: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (stack != null) {
                stack.close();
            }
            throw new IllegalStateException(e);
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + stack.port(CATALOG.gateway().port());
    }

    String storefront() {
        return "http://127.0.0.1:" + stack.port(CATALOG.service("storefront-service").orElseThrow().port());
    }

    String social() {
        return "http://127.0.0.1:" + stack.port(CATALOG.service("social-service").orElseThrow().port());
    }

    @Override
    public void close() {
        stack.close();
        stack.deleteData();
    }

    private static String adminToken(String gateway) throws IOException, InterruptedException {
        String challenge = post(gateway + "/api/auth/login", null, "{\"email\": \"" + LocalStack.LOCAL_ADMIN_EMAIL
                + "\", \"password\": \"" + LocalStack.LOCAL_ADMIN_PASSWORD + "\"}", 200);
        String code = TotpCode.at(LocalStack.LOCAL_ADMIN_TOTP_SECRET, Instant.now());
        return field(post(gateway + "/api/auth/login/mfa", null, "{\"mfaToken\": \"" + field(challenge, "mfaToken")
                + "\", \"code\": \"" + code + "\"}", 200), "accessToken");
    }

    /** About the size of a real package: the 100 of them are about 50 KB of JSON, as in the measurements. */
    private static String packageBody(int n) {
        return "{\"name\": \"Bench package " + n + "\", \"packageType\": \"fixed\", \"sessions\": " + (4 + n % 20)
                + ", \"pricePerSessionCents\": " + (14000 + 100 * (n % 30)) + ", \"displayOrder\": " + (1000 + n)
                + ", \"description\": \"Personal training sessions with a certified coach: strength, mobility and "
                + "conditioning, planned around your goals and reviewed every month.\"}";
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(String url, String token, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int count(String list) {
        return list.split("\"packageType\"", -1).length - 1;
    }

    private static int number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
