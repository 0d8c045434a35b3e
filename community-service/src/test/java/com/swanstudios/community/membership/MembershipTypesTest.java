package com.swanstudios.community.membership;

import static com.swanstudios.community.TestApi.answerInvitation;
import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.decide;
import static com.swanstudios.community.TestApi.invite;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.memberWithRole;
import static com.swanstudios.community.TestApi.remove;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.community.TestDatabase;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Open, approval_required and invite_only communities: how each is joined, through the API. */
@QuarkusTest
class MembershipTypesTest {

    @Test
    void anOpenCommunityIsJoinedAtOnceAndLeftAtWill() {
        List<UUID> users = TestEvents.members(2);
        UUID owner = users.get(0);
        UUID joiner = users.get(1);
        String id = community(owner, "public", "open");
        join(joiner, id).then().statusCode(201).body("userId", equalTo(joiner.toString())).body("role", equalTo("member"))
                .body("status", equalTo("active")).body("joinedAt", notNullValue());
        problem(join(joiner, id), 409, "already-member");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("2|2");
        as(joiner).get("/api/communities/" + id).then().statusCode(200).body("me.role", equalTo("member"))
                .body("memberCount", equalTo(2));

        remove(joiner, id, joiner).then().statusCode(204);
        assertThat(TestDatabase.membership(id, joiner)).isEqualTo("absent");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("1|1");
        problem(remove(joiner, id, joiner), 404, "not-found");
        problem(join(joiner, UUID.randomUUID().toString()), 404, "not-found");
    }

    @Test
    void aRequestToJoinWaitsForAModeratorOrAbove() {
        List<UUID> users = TestEvents.members(6);
        UUID owner = users.get(0);
        UUID moderator = users.get(1);
        UUID contributor = users.get(2);
        UUID asker = users.get(3);
        UUID refused = users.get(4);
        UUID withdrawn = users.get(5);
        String id = community(owner, "public", "open");
        memberWithRole(owner, id, moderator, "moderator");
        memberWithRole(owner, id, contributor, "contributor");
        as(owner).body("{\"membershipType\":\"approval_required\"}").patch("/api/communities/" + id).then().statusCode(200);

        join(asker, id).then().statusCode(201).body("status", equalTo("pending")).body("joinedAt", nullValue());
        join(refused, id).then().statusCode(201).body("status", equalTo("pending"));
        join(withdrawn, id).then().statusCode(201);
        problem(join(asker, id), 409, "already-requested");
        assertThat(TestDatabase.memberCounts(id)).as("requests are not members").isEqualTo("3|3");

        problem(decide(contributor, id, asker, "active"), 403, "forbidden");
        problem(decide(asker, id, asker, "active"), 403, "forbidden");
        problem(as(contributor).queryParam("status", "pending").get("/api/communities/" + id + "/members"), 403, "forbidden");
        as(moderator).queryParam("status", "pending").get("/api/communities/" + id + "/members").then().statusCode(200)
                .body("items.userId", equalTo(List.of(withdrawn.toString(), refused.toString(), asker.toString())));
        as(contributor).get("/api/communities/" + id + "/members").then().statusCode(200).body("items.size()", equalTo(3));
        assertThat(TestDatabase.membership(id, asker)).isEqualTo("member|pending");

        decide(moderator, id, asker, "active").then().statusCode(200).body("status", equalTo("active"))
                .body("joinedAt", notNullValue());
        problem(decide(moderator, id, asker, "active"), 409, "not-pending");
        decide(owner, id, refused, "rejected").then().statusCode(200).body("status", equalTo("rejected"));
        remove(withdrawn, id, withdrawn).then().statusCode(204);
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("4|4");
        assertThat(TestDatabase.membership(id, refused)).isEqualTo("member|rejected");
        problem(setRoleOf(owner, id, refused), 409, "not-a-member");

        join(refused, id).then().statusCode(201).body("status", equalTo("pending"));
        assertThat(TestDatabase.membership(id, refused)).as("after a refusal one may ask again").isEqualTo("member|pending");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("4|4");
    }

    @Test
    void anInviteOnlyCommunityIsJoinedByAcceptingAModeratorsInvitation() {
        List<UUID> users = TestEvents.members(6);
        UUID owner = users.get(0);
        UUID moderator = users.get(1);
        UUID plain = users.get(2);
        UUID guest = users.get(3);
        UUID shy = users.get(4);
        UUID outsider = users.get(5);
        String id = community(owner, "private", "open");
        memberWithRole(owner, id, moderator, "moderator");
        join(plain, id).then().statusCode(201);
        as(owner).body("{\"membershipType\":\"invite_only\"}").patch("/api/communities/" + id).then().statusCode(200);

        problem(join(guest, id), 403, "invitation-required");
        problem(invite(plain, id, guest), 403, "forbidden");
        problem(invite(outsider, id, guest), 403, "forbidden");
        problem(invite(moderator, id, plain), 409, "already-member");
        problem(invite(moderator, id, UUID.randomUUID()), 404, "not-found");
        assertThat(TestSql.count("select count(*) from invitation where community_id = '" + id + "'")).isZero();

        String invitation = invite(moderator, id, guest).then().statusCode(201).body("status", equalTo("pending"))
                .body("userId", equalTo(guest.toString())).body("invitedBy", equalTo(moderator.toString()))
                .body("answeredAt", nullValue()).extract().path("id");
        problem(invite(owner, id, guest), 409, "already-invited");
        as(guest).get("/api/communities/invitations").then().statusCode(200)
                .body("items.id", equalTo(List.of(invitation))).body("items[0].communityId", equalTo(id));
        problem(answerInvitation(outsider, id, invitation, "accept"), 404, "not-found");
        problem(answerInvitation(moderator, id, invitation, "accept"), 404, "not-found");
        assertThat(TestDatabase.membership(id, guest)).isEqualTo("absent");

        answerInvitation(guest, id, invitation, "accept").then().statusCode(200).body("status", equalTo("accepted"))
                .body("answeredAt", notNullValue());
        problem(answerInvitation(guest, id, invitation, "decline"), 409, "invitation-answered");
        assertThat(TestDatabase.membership(id, guest)).isEqualTo("member|active");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("4|4");
        as(guest).get("/api/communities/invitations").then().statusCode(200).body("items.size()", equalTo(0));

        String declined = invite(owner, id, shy).then().statusCode(201).extract().path("id");
        answerInvitation(shy, id, declined, "decline").then().statusCode(200).body("status", equalTo("declined"));
        assertThat(TestDatabase.membership(id, shy)).isEqualTo("absent");
        assertThat(TestDatabase.memberCounts(id)).isEqualTo("4|4");
        String again = invite(owner, id, shy).then().statusCode(201).extract().path("id");
        assertThat(again).as("a declined invitation may be followed by another").isNotEqualTo(declined);
        assertThat(TestSql.refusal("insert into invitation (id, community_id, invitee_id, invited_by, status, created_at) "
                + "values (gen_random_uuid(), '" + id + "', '" + shy + "', '" + owner + "', 'pending', now())"))
                .as("the database holds one open invitation per user and community").contains("invitation_one_pending");
    }

    private static io.restassured.response.Response setRoleOf(UUID actor, String community, UUID member) {
        return com.swanstudios.community.TestApi.setRole(actor, community, member, "contributor");
    }
}
