package com.swanstudios.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own behaviour at the edge: what a client sees when a service is down or hangs, and for a
 * path no service owns. Proxying to the real services is covered by local-stack's end-to-end test.
 */
@QuarkusTest
@TestProfile(GatewayTest.Upstreams.class)
class GatewayTest {

    /** Accepts connections and never answers: a service that hangs. */
    static final ServerSocket HUNG = open();
    /** Answers 304 or 204 the way a service does: no body, no length, no chunking. */
    static final HttpServer BODILESS = bodilessUpstream();

    public static class Upstreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "USER_SERVICE_URL", "http://127.0.0.1:" + closedPort(),
                    "STOREFRONT_SERVICE_URL", "http://127.0.0.1:" + HUNG.getLocalPort(),
                    "CART_SERVICE_URL", "http://127.0.0.1:" + BODILESS.getAddress().getPort(),
                    "gateway.upstream-timeout", "1s");
        }
    }

    @AfterAll
    static void close() throws IOException {
        HUNG.close();
        BODILESS.stop(0);
    }

    /**
     * Read the way a client that honours the framing does: on one keep-alive connection, each response's
     * head, then exactly the body its headers announce, then the next request. A 304 or 204 that announced a
     * chunked body would leave the second read waiting for a chunk, or reading garbage.
     */
    @Test
    void a304AndA204LeaveTheEdgeWithoutBodyOrTransferEncoding() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            var out = socket.getOutputStream();
            for (String path : List.of("/api/cart/not-modified", "/api/cart/no-content", "/api/cart/not-modified")) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: \"1\"\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertThat(head).startsWith(path.endsWith("not-modified") ? "HTTP/1.1 304" : "HTTP/1.1 204");
                assertThat(head.toLowerCase()).doesNotContain("transfer-encoding").contains("x-request-id");
                if (path.endsWith("no-content")) {
                    assertThat(head.toLowerCase()).doesNotContain("content-length");
                }
            }
            assertThat(in.available()).as("no stray body bytes after the last response").isZero();
        }
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static HttpServer bodilessUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/cart/not-modified", exchange -> {
                exchange.getResponseHeaders().set("ETag", "\"1\"");
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            });
            server.createContext("/api/cart/echo-headers", exchange -> {
                StringBuilder body = new StringBuilder();
                exchange.getRequestHeaders().forEach((name, values) ->
                        body.append(name.toLowerCase()).append(": ").append(String.join(",", values)).append('\n'));
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.createContext("/api/cart/no-content", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndCredentialAnswersAreNeverStored() {
        for (String path : List.of("/api/cart/echo-headers", "/api/auth/login", "/api/users/me/sessions", "/api/nothing-here",
                "/api/docs/")) {
            var response = given().when().get(path).then().extract();
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).as(path).isEqualTo("frame-ancestors 'none'");
            assertThat(response.header("Strict-Transport-Security")).as("not over plain HTTP: " + path).isNull();
        }
        for (String path : List.of("/api/auth/login", "/api/users/me", "/api/users/me/sessions")) {
            given().when().get(path).then().header("Cache-Control", "no-store");
        }
        // a service's own caching stays where no credentials travel
        given().when().get("/api/cart/echo-headers").then().statusCode(200).header("Cache-Control", "public, max-age=60");
    }

    @Test
    void forwardingHeadersAClientSentNeverReachAService() {
        String seen = given()
                .header("Forwarded", "for=6.6.6.6;host=evil.example;proto=https")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "6666")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Proto", "https")
                .header("X-Real-IP", "6.6.6.6")
                .when().get("/api/cart/echo-headers")
                .then().statusCode(200).extract().asString();
        assertThat(seen).doesNotContain("6.6.6.6", "evil", "6666")
                .doesNotContain("forwarded:", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip")
                .contains("x-forwarded-for: 127.0.0.1", "x-forwarded-proto: http\n");
    }

    @Test
    void aServiceThatIsDownGets503ProblemWithARequestId() {
        given().when().post("/api/auth/login")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .header("X-Request-Id", notNullValue())
                .body("status", is(503))
                .body("detail", containsString("user-service"));
    }

    @Test
    void theClientsRequestIdIsKept() {
        given().header("X-Request-Id", "req-42").when().get("/api/users/me")
                .then().statusCode(503).header("X-Request-Id", "req-42");
    }

    @Test
    void aServiceThatHangsGets504Problem() {
        given().when().get("/api/storefront/packages")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("storefront-service"));
    }

    @Test
    void aPathNoServiceOwnsGets404Problem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/authentic")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void thePlatformsDocumentsAreServedWithSwaggerUi() {
        given().redirects().follow(false).when().get("/api/docs").then().statusCode(302).header("Location", "/api/docs/");
        given().when().get("/api/docs/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"));
        given().when().get("/webjars/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        given().when().get("/api/docs/openapi.json").then().statusCode(200)
                .body("info.title", is("SwanStudios platform API"))
                .body("paths.'/api/auth/login'.post.operationId", is("login"))
                .body("paths.'/api/auth/login'.post.x-service", is("user-service"))
                .body("info.description", containsString("/api/docs/asyncapi/user-service/asyncapi.yaml"));
        given().when().get("/api/docs/asyncapi/user-service/asyncapi.yaml").then().statusCode(200)
                .body(containsString("identity.user.v1"));
        given().when().get("/api/docs/asyncapi/storefront-service/storefront.package.v1.schema.json").then().statusCode(200);
    }

    @Test
    void theGatewayReportsItsOwnHealth() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static ServerSocket open() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
