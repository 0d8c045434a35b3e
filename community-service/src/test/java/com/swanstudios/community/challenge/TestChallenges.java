package com.swanstudios.community.challenge;

import static com.swanstudios.community.TestApi.as;

import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Challenge calls several challenge tests make. */
public final class TestChallenges {

    private TestChallenges() {
    }

    /** A challenge's JSON: started a minute ago, ending in a day (or starting in a day, when {@code upcoming}). */
    public static String newChallenge(String type, long goal, int pointsPerUnit, int bonus, boolean upcoming) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = upcoming ? now.plusDays(1) : now.minusMinutes(1);
        return "{\"title\":\"Push-up month\",\"description\":\"Every day\",\"type\":\"" + type + "\",\"goal\":" + goal
                + ",\"unit\":\"reps\",\"pointsPerUnit\":" + pointsPerUnit + ",\"completionBonus\":" + bonus
                + ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusDays(1) + "\"}";
    }

    /** Creates an active challenge as {@code trainer} in the community; its id. */
    public static String challenge(UUID trainer, String community, String type, long goal, int pointsPerUnit, int bonus) {
        return as(trainer, "trainer").body(newChallenge(type, goal, pointsPerUnit, bonus, false))
                .post("/api/communities/" + community + "/challenges").then().statusCode(201).extract().path("id");
    }

    public static Response joinChallenge(UUID user, String challenge, String team) {
        return as(user).body(team == null ? "{}" : "{\"team\":\"" + team + "\"}").post("/api/challenges/" + challenge + "/participants");
    }

    public static Response report(UUID user, String challenge, long amount, String key) {
        return as(user).body("{\"amount\":" + amount + ",\"idempotencyKey\":\"" + key + "\"}")
                .post("/api/challenges/" + challenge + "/progress");
    }
}
