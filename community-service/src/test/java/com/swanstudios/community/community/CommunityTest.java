package com.swanstudios.community.community;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.memberWithRole;
import static com.swanstudios.community.TestApi.newCommunity;
import static com.swanstudios.community.TestApi.uniqueName;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.community.TestDatabase;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Creating, reading, browsing and editing communities, through the API, against the real database. */
@QuarkusTest
class CommunityTest {

    @Test
    void theCreatorBecomesTheOwnerAndFirstMember() {
        UUID creator = TestEvents.member();
        String name = uniqueName("Iron Hour");
        String id = as(creator).body(newCommunity("  " + name + " ", "strength", "public", "open")).post("/api/communities")
                .then().statusCode(201)
                .body("name", equalTo(name)).body("category", equalTo("strength")).body("privacy", equalTo("public"))
                .body("membershipType", equalTo("open")).body("memberCount", equalTo(1))
                .body("ownerId", equalTo(creator.toString()))
                .body("me.role", equalTo("owner")).body("me.status", equalTo("active"))
                .extract().path("id");
        assertThat(TestDatabase.membership(id, creator)).isEqualTo("owner|active");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("1|1");

        UUID stranger = TestEvents.member();
        as(stranger).get("/api/communities/" + id).then().statusCode(200)
                .body("ownerId", equalTo(creator.toString())).body("me", nullValue());
        problem(as(stranger).get("/api/communities/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void aNameIsTakenWhateverTheCaseEvenUnderARace() {
        UUID creator = TestEvents.member();
        String name = uniqueName("Morning Runners");
        as(creator).body(newCommunity(name, "running", "public", "open")).post("/api/communities").then().statusCode(201);
        problem(as(creator).body(newCommunity(name.toUpperCase(), "running", "public", "open")).post("/api/communities"), 409,
                "community-name-taken");

        String raced = uniqueName("Raced");
        List<Integer> statuses = concurrently(6, () -> as(creator).body(newCommunity(raced, "cardio", "public", "open"))
                .post("/api/communities").then().extract().statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(TestDatabase.communitiesNamed(raced)).isEqualTo(1);
        assertThat(TestSql.refusal("insert into community (id, name, description, category, privacy, membership_type, "
                + "created_at, updated_at) values (gen_random_uuid(), '" + raced.toLowerCase() + "', '', 'cardio', 'public', "
                + "'open', now(), now())")).as("the database refuses the same name in another case").contains("community_name_key");
    }

    @Test
    void browsingFiltersByCategoryAndNameAPageAtATime() {
        UUID creator = TestEvents.member();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> yoga = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            yoga.add(as(creator).body(newCommunity("Flow " + tag + " " + i, "yoga", i == 1 ? "private" : "public", "open"))
                    .post("/api/communities").then().statusCode(201).extract().path("id"));
        }
        as(creator).body(newCommunity("Flow " + tag + " lifting", "strength", "public", "open")).post("/api/communities")
                .then().statusCode(201);
        as(creator).body(newCommunity("100%_" + tag, "general", "public", "open")).post("/api/communities")
                .then().statusCode(201);

        UUID viewer = TestEvents.member();
        List<String> found = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(viewer).queryParam("category", "yoga").queryParam("q", "FLOW " + tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/communities").then().statusCode(200).extract().jsonPath();
            found.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(found).as("newest first, private ones listed too").containsExactly(yoga.get(2), yoga.get(1), yoga.get(0));
        assertThat(pages).isEqualTo(2);

        as(viewer).queryParam("q", tag).get("/api/communities").then().statusCode(200).body("items.size()", equalTo(5));
        as(viewer).queryParam("q", "%_" + tag).get("/api/communities").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].name", equalTo("100%_" + tag));
        as(viewer).queryParam("q", "_" + tag + " 1").get("/api/communities").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(creator).queryParam("q", tag).queryParam("category", "strength").get("/api/communities").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].me.role", equalTo("owner"));
    }

    @Test
    void onlyAdminsAndTheOwnerEditACommunity() {
        List<UUID> users = TestEvents.members(4);
        UUID owner = users.get(0);
        UUID admin = users.get(1);
        UUID moderator = users.get(2);
        UUID outsider = users.get(3);
        String id = community(owner, "public", "open");
        memberWithRole(owner, id, admin, "admin");
        memberWithRole(owner, id, moderator, "moderator");

        problem(as(moderator).body("{\"description\":\"Mine now\"}").patch("/api/communities/" + id), 403, "forbidden");
        problem(as(outsider).body("{\"description\":\"Mine now\"}").patch("/api/communities/" + id), 403, "forbidden");
        assertThat(TestSql.row("select description from community where id = '" + id + "'")).isEqualTo("Lift together");

        String renamed = uniqueName("Renamed");
        as(admin).body("{\"name\":\"" + renamed + "\",\"privacy\":\"private\",\"membershipType\":\"approval_required\"}")
                .patch("/api/communities/" + id).then().statusCode(200)
                .body("name", equalTo(renamed)).body("privacy", equalTo("private"))
                .body("membershipType", equalTo("approval_required")).body("description", equalTo("Lift together"))
                .body("me.role", equalTo("admin"));
        as(owner).body("{\"category\":\"bodybuilding\",\"name\":\"" + renamed.toLowerCase() + "\"}")
                .patch("/api/communities/" + id).then().statusCode(200).body("category", equalTo("bodybuilding"));

        String other = community(owner, "public", "open");
        String otherName = TestSql.row("select name from community where id = '" + other + "'");
        problem(as(owner).body("{\"name\":\"" + otherName.toUpperCase() + "\"}").patch("/api/communities/" + id), 409,
                "community-name-taken");
        assertThat(TestSql.row("select name from community where id = '" + id + "'")).isEqualTo(renamed.toLowerCase());
    }

    @Test
    void aPrivateCommunitysDetailsAreSeenByAllAndItsMembersByMembersOnly() {
        List<UUID> users = TestEvents.members(3);
        UUID owner = users.get(0);
        UUID member = users.get(1);
        UUID outsider = users.get(2);
        String id = community(owner, "private", "open");
        join(member, id).then().statusCode(201);

        as(outsider).get("/api/communities/" + id).then().statusCode(200)
                .body("privacy", equalTo("private")).body("memberCount", equalTo(2)).body("me", nullValue());
        problem(as(outsider).get("/api/communities/" + id + "/members"), 403, "members-only");
        as(member).get("/api/communities/" + id + "/members").then().statusCode(200).body("items.size()", equalTo(2));

        String open = community(owner, "public", "open");
        as(outsider).get("/api/communities/" + open + "/members").then().statusCode(200)
                .body("items.userId", equalTo(List.of(owner.toString())))
                .body("items[0].role", equalTo("owner")).body("items[0].displayName", org.hamcrest.Matchers.startsWith("Member "));
    }
}
