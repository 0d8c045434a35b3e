package com.swanstudios.community;

import static io.restassured.RestAssured.given;

import com.swanstudios.platform.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Calls to community-service as a signed-in user would make them. */
public final class TestApi {

    private TestApi() {
    }

    public static RequestSpecification as(UUID user) {
        return as(user, "user");
    }

    public static RequestSpecification as(UUID user, String role) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.forUser(user, role));
    }

    /** A unique community name beginning with {@code prefix}. */
    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new community's JSON. */
    public static String newCommunity(String name, String category, String privacy, String membershipType) {
        return "{\"name\":\"" + name + "\",\"description\":\"Lift together\",\"category\":\"" + category
                + "\",\"privacy\":\"" + privacy + "\",\"membershipType\":\"" + membershipType + "\"}";
    }

    /** Creates a community as {@code owner}; its id. */
    public static String community(UUID owner, String privacy, String membershipType) {
        return as(owner).body(newCommunity(uniqueName("Club"), "strength", privacy, membershipType)).post("/api/communities")
                .then().statusCode(201).extract().path("id");
    }

    /** Joins (or asks to join) as {@code user}; the answer. */
    public static Response join(UUID user, String community) {
        return as(user).post("/api/communities/" + community + "/members");
    }

    /** Changes a member's role as {@code actor}; the answer. */
    public static Response setRole(UUID actor, String community, UUID member, String role) {
        return as(actor).body("{\"role\":\"" + role + "\"}").put("/api/communities/" + community + "/members/" + member);
    }

    /** Decides a request to join as {@code actor}; the answer. */
    public static Response decide(UUID actor, String community, UUID member, String status) {
        return as(actor).body("{\"status\":\"" + status + "\"}").put("/api/communities/" + community + "/members/" + member);
    }

    /** Removes a member (or leaves) as {@code actor}; the answer. */
    public static Response remove(UUID actor, String community, UUID member) {
        return as(actor).delete("/api/communities/" + community + "/members/" + member);
    }

    /** Invites as {@code actor}; the answer. */
    public static Response invite(UUID actor, String community, UUID invitee) {
        return as(actor).body("{\"userId\":\"" + invitee + "\"}").post("/api/communities/" + community + "/invitations");
    }

    /** Answers an invitation as {@code user}; the answer. */
    public static Response answerInvitation(UUID user, String community, String invitation, String answer) {
        return as(user).body("{\"answer\":\"" + answer + "\"}")
                .put("/api/communities/" + community + "/invitations/" + invitation);
    }

    /** An active member of an open community, with this role (given by the owner). */
    public static void memberWithRole(UUID owner, String community, UUID user, String role) {
        join(user, community).then().statusCode(201);
        if (!"member".equals(role)) {
            setRole(owner, community, user, role).then().statusCode(200);
        }
    }
}
