package com.swanstudios.social.post;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.problem;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees which post in this slice (no connections yet): public posts everyone signed in, the rest only their author
 * and admins; moderation hides hidden and removed posts from all but those two; anyone else gets 404.
 */
@QuarkusTest
class PostVisibilityTest {

    static UUID author;
    static UUID stranger;
    static final UUID ADMIN = UUID.randomUUID();
    /** Post id by what it is: a visibility, or a public post in a moderation state. */
    static final Map<String, String> POSTS = new LinkedHashMap<>();

    /** Once, before the first test (RestAssured knows the application's port only then). */
    @BeforeEach
    void posts() {
        if (!POSTS.isEmpty()) {
            return;
        }
        author = TestEvents.member();
        stranger = TestEvents.member();
        for (String visibility : List.of("public", "followers", "friends", "private")) {
            POSTS.put(visibility, publish(author, "A " + visibility + " post", visibility));
        }
        for (String moderation : List.of("flagged", "hidden", "removed")) {
            String id = publish(author, "A " + moderation + " post", "public");
            TestSql.row("update post set moderation_status = '" + moderation + "' where id = '" + id + "' returning id");
            POSTS.put(moderation, id);
        }
    }

    @Test
    void eachViewerSeesExactlyWhatThisSliceAllows() {
        Map<String, Supplier<RequestSpecification>> viewers = Map.of(
                "self", () -> as(author), "stranger", () -> as(stranger), "admin", () -> as(ADMIN, "admin"));
        Map<String, List<String>> seenBy = Map.of(
                "self", List.of("public", "followers", "friends", "private", "flagged", "hidden", "removed"),
                "stranger", List.of("public", "flagged"),
                "admin", List.of("public", "followers", "friends", "private", "flagged", "hidden", "removed"));
        viewers.forEach((viewer, request) -> POSTS.forEach((what, id) -> {
            if (seenBy.get(viewer).contains(what)) {
                request.get().get("/api/social/posts/" + id).then().statusCode(200).body("id", equalTo(id));
            } else {
                problem(request.get().get("/api/social/posts/" + id), 404, "not-found");
            }
        }));
    }

    @Test
    void aUsersPostListShowsEachViewerTheSame() {
        List<String> everything = new ArrayList<>(POSTS.values());
        Collections.reverse(everything);
        assertThat(list(as(author))).containsExactlyElementsOf(everything);
        assertThat(list(as(ADMIN, "admin"))).containsExactlyElementsOf(everything);
        assertThat(list(as(stranger))).containsExactly(POSTS.get("flagged"), POSTS.get("public"));
    }

    @Test
    void aPostOneMayNotSeeCannotBeChangedAndItsExistenceDoesNotLeak() {
        for (String what : List.of("private", "followers", "friends", "hidden")) {
            String id = POSTS.get(what);
            problem(as(stranger).body("{\"content\":\"Mine now\"}").patch("/api/social/posts/" + id), 404, "not-found");
            problem(as(stranger).delete("/api/social/posts/" + id), 404, "not-found");
            assertThat(TestSql.row("select content from post where id = '" + id + "'")).isEqualTo("A " + what + " post");
        }
        problem(as(stranger).get("/api/social/posts/" + UUID.randomUUID()), 404, "not-found");
    }

    private static List<String> list(RequestSpecification request) {
        return request.queryParam("limit", 100).get("/api/social/users/" + author + "/posts").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
