package com.swanstudios.platform.kit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void validationErrorsNameEachBadField() {
        given().contentType(ContentType.JSON).body("{\"key\":\"\",\"contact\":\"not-an-email\"}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.is(400))
                .body("type", startsWith("https://swanstudios.dev/problems/"))
                .body("errors.field", hasItems("key", "text", "contact"));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"key\": ")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not one valid JSON value"));
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        String key = "trailing-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"x\"}}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed-body"));
        firstNoteOf(key);
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedNamingTheField() {
        String key = "unstorable-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (String bad : new String[] {"a\\u0000b", "lone \\ud800 surrogate"}) {
            given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"" + bad + "\"}")
                    .when().post("/probe/notes")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("text"))
                    .body("detail", containsString("text: contains"));
        }
        firstNoteOf(key);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        given().contentType(ContentType.JSON).body("{\"key\": {\"nested\": 1}, \"text\": \"x\"}")
                .when().post("/probe/notes")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("key"));
    }

    @Test
    void unknownPathsAndMethodsAnswerWithProblems() {
        given().when().get("/no/such/thing")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/probe/notes")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void unexpectedErrorsHideTheirInsides() {
        given().when().get("/probe/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("error id"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at com.swanstudios")));
    }

    @Test
    void anOversizedBodyIs413WithAProblem() {
        String body = "{\"text\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}";
        given().contentType("application/json").body(body).when().post("/probe/notes")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413));
    }

    @Test
    void aLostConcurrentWriteIsAConflict() {
        given().when().get("/probe/lost-race")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("concurrent-modification"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("outbox_pending"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/probe/notes"));
    }

    /** The key's next note is its first: the refused requests wrote nothing. */
    private static void firstNoteOf(String key) {
        given().contentType(ContentType.JSON).body("{\"key\":\"" + key + "\",\"text\":\"fine\"}")
                .when().post("/probe/notes")
                .then().statusCode(200)
                .body("version", org.hamcrest.Matchers.is(1));
    }
}
