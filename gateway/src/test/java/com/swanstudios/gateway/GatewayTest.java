package com.swanstudios.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

    public static class Upstreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "USER_SERVICE_URL", "http://127.0.0.1:" + closedPort(),
                    "STOREFRONT_SERVICE_URL", "http://127.0.0.1:" + HUNG.getLocalPort(),
                    "gateway.upstream-timeout", "1s");
        }
    }

    @AfterAll
    static void close() throws IOException {
        HUNG.close();
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
