package com.swanstudios.user.auth;

import static com.swanstudios.user.Users.query;
import static com.swanstudios.user.Users.register;
import static com.swanstudios.user.Users.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A refresh and a logout of the same session, sent at the same moment, never leave a live token behind. */
@QuarkusTest
class SessionRaceTest {

    private static final int RACES = 200;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refreshAndLogoutRacedLeaveNoLiveSuccessor() throws Exception {
        List<String> users = new ArrayList<>();
        int refreshesThatWon = 0;
        for (int i = 0; i < RACES; i++) {
            Response session = register(unique("race"));
            users.add(session.path("user.id"));
            String body = "{\"refreshToken\": \"" + session.path("refreshToken") + "\"}";
            CompletableFuture<HttpResponse<String>> refresh = post("/api/auth/refresh", body);
            CompletableFuture<HttpResponse<String>> logout = post("/api/auth/logout", body);
            assertThat(logout.get().statusCode()).isEqualTo(204);
            HttpResponse<String> refreshed = refresh.get();
            assertThat(refreshed.statusCode()).isIn(200, 401);
            if (refreshed.statusCode() == 200) {
                refreshesThatWon++;
            }
        }
        String ids = String.join("','", users);
        assertThat(query("select count(*) from refresh_token where user_id in ('" + ids + "')"
                + " and used_at is null and revoked_at is null"))
                .as("live refresh tokens after %d races (%d refreshes answered first)", RACES, refreshesThatWon)
                .isEqualTo("0");
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
