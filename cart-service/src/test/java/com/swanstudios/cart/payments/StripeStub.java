package com.swanstudios.cart.payments;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe's API as far as cart-service calls it, on a local port: Checkout Sessions created (the same for the same
 * Idempotency-Key, as Stripe does), expired (refused once the stub is told the buyer paid) and read back, and
 * refunds created (likewise one per key). It records
 * what it was sent, and can be told to fail. The only stub of the platform's tests: Stripe's servers are outside it.
 */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    /** One request as Stripe would have received it. */
    public record Call(String method, String path, String idempotencyKey, String authorization, Map<String, String> form) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final Map<String, String> SESSIONS_BY_KEY = new ConcurrentHashMap<>();
    static final Map<String, String> STATUS = new ConcurrentHashMap<>();
    static volatile boolean failing;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", StripeStub::handle);
        server.start();
        return Map.of("swan.payments.provider", "stripe",
                "swan.payments.stripe.api-key", "sk_test_stub",
                "swan.payments.stripe.api-base", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static void paid(String sessionId) {
        STATUS.put(sessionId, "complete");
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        CALLS.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
        if (failing) {
            answer(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"stub told to fail\"}}");
            return;
        }
        if (path.equals("/v1/checkout/sessions") && exchange.getRequestMethod().equals("POST")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = SESSIONS_BY_KEY.computeIfAbsent(key == null ? "none-" + NEXT.get() : key, k -> "cs_test_" + NEXT.incrementAndGet());
            STATUS.putIfAbsent(id, "open");
            answer(exchange, 200, session(id));
        } else if (path.equals("/v1/refunds") && exchange.getRequestMethod().equals("POST")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = SESSIONS_BY_KEY.computeIfAbsent(key == null ? "none-" + NEXT.get() : key, k -> "re_test_" + NEXT.incrementAndGet());
            answer(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"refund\",\"status\":\"succeeded\"}");
        } else if (path.matches("/v1/checkout/sessions/[^/]+/expire")) {
            String id = path.split("/")[4];
            if (!"open".equals(STATUS.get(id))) {
                answer(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Only Checkout Sessions with a "
                        + "status of open can be expired.\"}}");
                return;
            }
            STATUS.put(id, "expired");
            answer(exchange, 200, session(id));
        } else if (path.matches("/v1/checkout/sessions/[^/]+")) {
            answer(exchange, 200, session(path.split("/")[4]));
        } else {
            answer(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
        }
    }

    private static String session(String id) {
        return "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + STATUS.get(id)
                + "\",\"url\":\"https://checkout.stripe.test/c/pay/" + id + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new ConcurrentHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
