package com.swanstudios.social;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to social-service as a signed-in user would make them, and what its answers must look like. */
public final class TestApi {

    private TestApi() {
    }

    public static RequestSpecification as(UUID user) {
        return as(user, "user");
    }

    public static RequestSpecification as(UUID user, String role) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.forUser(user, role));
    }

    /** A text post with this content and visibility, as JSON. */
    public static String textPost(String content, String visibility) {
        return "{\"type\":\"text\",\"content\":\"" + content + "\",\"visibility\":\"" + visibility + "\"}";
    }

    /** Publishes a text post as this user; its id. */
    public static String publish(UUID author, String content, String visibility) {
        return as(author).body(textPost(content, visibility)).post("/api/social/posts").then().statusCode(201)
                .extract().path("id");
    }

    public static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", startsWith("https://swanstudios.dev/problems/" + slug));
    }
}
