package com.swanstudios.social;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to social-service as a signed-in user would make them. */
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

    /** Asks for a connection as {@code requester}; the answer. */
    public static Response connect(UUID requester, UUID target, String type) {
        return as(requester).body("{\"targetUserId\":\"" + target + "\",\"type\":\"" + type + "\"}")
                .post("/api/social/connections");
    }

    /** Sets a connection's status as {@code actor}; the answer. */
    public static Response answer(UUID actor, String connection, String status) {
        return as(actor).body("{\"status\":\"" + status + "\"}").put("/api/social/connections/" + connection);
    }

    /** An accepted connection of this type: asked by {@code requester}, accepted by {@code target} if it pends; its id. */
    public static String connected(UUID requester, UUID target, String type) {
        var created = connect(requester, target, type).then().statusCode(201).extract();
        String id = created.path("id");
        if ("pending".equals(created.path("status"))) {
            answer(target, id, "accepted").then().statusCode(200);
        }
        return id;
    }

    /** Comments on a post as this user (a reply when {@code parent} is not null); the answer. */
    public static Response comment(UUID author, String post, String content, String parent) {
        return as(author).body("{\"content\":\"" + content + "\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"")
                + "}").post("/api/social/posts/" + post + "/comments");
    }

    /** Reacts to a post as this user; the answer. */
    public static Response react(UUID user, String post, String type) {
        return as(user).body("{\"type\":\"" + type + "\"}").put("/api/social/posts/" + post + "/reactions");
    }

    /** A post's engagement as its author (or an admin) reads it. */
    public static io.restassured.path.json.JsonPath engagement(UUID reader, String post) {
        return as(reader).get("/api/social/posts/" + post + "/engagement").then().statusCode(200).extract().jsonPath();
    }

    /** The ids in this reader's home feed, newest first (one page of 100). */
    public static java.util.List<String> feed(UUID reader) {
        return as(reader).queryParam("limit", 100).get("/api/social/feed").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    /** Every id a paged list gives this reader, {@code limit} at a time, following nextCursor to the end. */
    public static java.util.List<String> allPages(UUID reader, String path, int limit) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = as(reader).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }
}
