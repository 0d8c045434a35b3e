package com.swanstudios.community.membership;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.decide;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.memberWithRole;
import static com.swanstudios.community.TestApi.remove;
import static com.swanstudios.community.TestApi.setRole;
import static com.swanstudios.platform.infra.TestCalls.concurrently;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.swanstudios.community.TestDatabase;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The role hierarchy through the API: every role acting on every other, ownership, and counts under concurrency. */
@QuarkusTest
class MemberRolesTest {

    private static final List<String> ROLES = List.of("member", "contributor", "moderator", "admin", "owner");

    @Test
    void everyRoleChangesAndRemovesOnlyThoseStrictlyBelowIt() {
        List<UUID> users = new ArrayList<>(TestEvents.members(5 * 6));
        for (String actorRole : ROLES) {
            UUID owner = users.remove(0);
            String id = community(owner, "public", "open");
            UUID actor = owner;
            if (!"owner".equals(actorRole)) {
                actor = users.remove(0);
                memberWithRole(owner, id, actor, actorRole);
            }
            Map<String, UUID> targets = new LinkedHashMap<>();
            for (String role : ROLES.subList(0, 4)) {
                UUID target = users.remove(0);
                memberWithRole(owner, id, target, role);
                targets.put(role, target);
            }
            targets.put("owner", owner);
            int rank = ROLES.indexOf(actorRole);
            for (var target : targets.entrySet()) {
                if (target.getValue().equals(actor)) {
                    continue;
                }
                int targetRank = ROLES.indexOf(target.getKey());
                String what = actorRole + " acting on " + target.getKey();
                // the role change stays below both: to member, or a member to contributor
                String granted = "member".equals(target.getKey()) ? "contributor" : "member";
                var changed = setRole(actor, id, target.getValue(), granted);
                boolean mayChange = rank > targetRank && rank > ROLES.indexOf(granted);
                assertThat(changed.statusCode()).as(what + ": role change").isEqualTo(mayChange ? 200 : 403);
                assertThat(TestDatabase.membership(id, target.getValue())).as(what)
                        .isEqualTo((mayChange ? granted : target.getKey()) + "|active");
                if (mayChange && !"owner".equals(target.getKey())) {
                    setRole(owner, id, target.getValue(), target.getKey()).then().statusCode(200);
                }
                var removed = remove(actor, id, target.getValue());
                int expected = "owner".equals(target.getKey()) ? 409 : rank > targetRank ? 204 : 403;
                assertThat(removed.statusCode()).as(what + ": removal").isEqualTo(expected);
                assertThat(TestDatabase.membership(id, target.getValue()).equals("absent")).as(what).isEqualTo(expected == 204);
            }
            assertThat(TestDatabase.memberCounts(id)).as("counts after " + actorRole + "'s removals")
                    .matches(counts -> counts.split("\\|")[0].equals(counts.split("\\|")[1]));
        }
    }

    @Test
    void nobodyGrantsARoleAtOrAboveTheirOwnNorChangesTheirOwn() {
        List<UUID> users = TestEvents.members(4);
        UUID owner = users.get(0);
        UUID admin = users.get(1);
        UUID moderator = users.get(2);
        UUID member = users.get(3);
        String id = community(owner, "public", "open");
        memberWithRole(owner, id, admin, "admin");
        memberWithRole(owner, id, moderator, "moderator");
        join(member, id).then().statusCode(201);

        problem(setRole(moderator, id, member, "moderator"), 403, "forbidden");
        problem(setRole(admin, id, member, "admin"), 403, "forbidden");
        problem(setRole(admin, id, admin, "moderator"), 403, "forbidden");
        setRole(admin, id, member, "moderator").then().statusCode(200).body("role", equalTo("moderator"));
        setRole(moderator, id, users.get(3), "member").then().statusCode(403);
        assertThat(TestDatabase.membership(id, member)).isEqualTo("moderator|active");
        assertThat(TestSql.refusal("update membership set role = 'owner' where community_id = '" + id + "' and user_id = '"
                + admin + "'")).as("the database holds one owner per community").contains("membership_one_owner");
        problem(setRole(owner, id, UUID.randomUUID(), "member"), 404, "not-found");
    }

    @Test
    void theOwnerStaysUntilTheyHandOwnershipOverExplicitly() {
        List<UUID> users = TestEvents.members(4);
        UUID owner = users.get(0);
        UUID admin = users.get(1);
        UUID asker = users.get(2);
        UUID outsider = users.get(3);
        String id = community(owner, "public", "approval_required");
        join(admin, id).then().statusCode(201);
        decide(owner, id, admin, "active").then().statusCode(200);
        setRole(owner, id, admin, "admin").then().statusCode(200);
        join(asker, id).then().statusCode(201);

        problem(remove(admin, id, owner), 409, "owner-stays");
        problem(remove(owner, id, owner), 409, "owner-stays");
        problem(transfer(admin, id, admin), 403, "forbidden");
        problem(transfer(owner, id, outsider), 404, "not-found");
        problem(transfer(owner, id, asker), 409, "not-a-member");
        problem(transfer(owner, id, owner), 400, "validation");
        assertThat(TestDatabase.membership(id, owner)).isEqualTo("owner|active");

        transfer(owner, id, admin).then().statusCode(200).body("userId", equalTo(admin.toString()))
                .body("role", equalTo("owner"));
        assertThat(TestDatabase.membership(id, owner)).isEqualTo("admin|active");
        assertThat(TestSql.count("select count(*) from membership where community_id = '" + id + "' and role = 'owner'"))
                .isEqualTo(1);
        as(outsider).get("/api/communities/" + id).then().statusCode(200).body("ownerId", equalTo(admin.toString()));
        problem(remove(owner, id, admin), 409, "owner-stays");
        remove(admin, id, owner).then().statusCode(204);
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("1|1");
    }

    @Test
    void memberCountsStayRightUnderConcurrentJoinsLeavesAndDecisions() {
        List<UUID> users = TestEvents.members(41);
        UUID owner = users.get(0);
        List<UUID> leaving = users.subList(1, 11);
        List<UUID> joining = users.subList(11, 21);
        String id = community(owner, "public", "open");
        leaving.forEach(user -> join(user, id).then().statusCode(201));

        List<UUID> everyone = new ArrayList<>(leaving);
        everyone.addAll(joining);
        AtomicInteger next = new AtomicInteger();
        List<Integer> statuses = concurrently(everyone.size(), () -> {
            UUID user = everyone.get(next.getAndIncrement());
            return leaving.contains(user) ? remove(user, id, user).statusCode() : join(user, id).statusCode();
        });
        assertThat(statuses).containsOnly(201, 204);
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("11|11");

        UUID eager = users.get(21);
        List<Integer> twice = concurrently(8, () -> join(eager, id).statusCode());
        assertThat(twice).filteredOn(s -> s == 201).hasSize(1);
        assertThat(twice).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("12|12");

        as(owner).body("{\"membershipType\":\"approval_required\"}").patch("/api/communities/" + id).then().statusCode(200);
        List<UUID> askers = users.subList(22, 41);
        askers.forEach(user -> join(user, id).then().statusCode(201));
        AtomicInteger asker = new AtomicInteger();
        List<Integer> decisions = concurrently(askers.size(), () -> decide(owner, id, askers.get(asker.getAndIncrement()),
                "active").statusCode());
        assertThat(decisions).containsOnly(200);
        List<Integer> again = concurrently(6, () -> decide(owner, id, askers.get(0), "active").statusCode());
        assertThat(again).containsOnly(409);
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("31|31");
    }

    private static io.restassured.response.Response transfer(UUID actor, String community, UUID to) {
        return as(actor).body("{\"userId\":\"" + to + "\"}").put("/api/communities/" + community + "/owner");
    }
}
