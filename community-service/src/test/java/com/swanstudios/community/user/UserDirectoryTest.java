package com.swanstudios.community.user;

import static com.swanstudios.community.TestApi.as;
import static com.swanstudios.community.TestApi.community;
import static com.swanstudios.community.TestApi.join;
import static com.swanstudios.community.TestApi.memberWithRole;
import static com.swanstudios.community.TestApi.newCommunity;
import static com.swanstudios.community.TestApi.uniqueName;
import static com.swanstudios.community.TestEvents.publishUser;
import static com.swanstudios.community.TestEvents.userState;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.community.TestApi;
import com.swanstudios.community.TestDatabase;
import com.swanstudios.community.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** identity.user.v1 as user-service publishes it, read into community-service's directory of users. */
@QuarkusTest
class UserDirectoryTest {

    @Test
    void theNewestStateWinsWhateverTheOrderOfArrival() {
        UUID id = UUID.randomUUID();
        publishUser(id, 2, userState(id, "Ann B.", "trainer", "active", false, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id)).isEqualTo("Ann B.|trainer|active|f|2"));

        RecordMetadata older = publishUser(id, 1, userState(id, "Ann", "user", "suspended", true, 1));
        TestEvents.awaitConsumed(older);
        assertThat(row(id)).as("the older state that arrived last was ignored").isEqualTo("Ann B.|trainer|active|f|2");

        RecordMetadata same = publishUser(id, 2, userState(id, "Ann again", "user", "active", true, 2));
        TestEvents.awaitConsumed(same);
        assertThat(row(id)).as("a resent version changes nothing").isEqualTo("Ann B.|trainer|active|f|2");

        publishUser(id, 3, userState(id, "Ann Baker", "admin", "active", true, 3).replace(",\"discoverable\":true",
                ",\"discoverable\":true,\"aFieldAddedLater\":{\"x\":1}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).as("a newer state applies; a field this consumer does not know is ignored")
                        .isEqualTo("Ann Baker|admin|active|t|3"));
    }

    @Test
    void onlyAVerifiedActiveAccountCreatesACommunityAndAnOldEventCountsAsVerified() {
        UUID unverified = TestEvents.knownUser("user", "active", false);
        UUID suspended = TestEvents.knownUser("user", "suspended", true);
        UUID old = TestEvents.knownUser("user", "active", null);
        String name = uniqueName("Verified only");
        problem(as(unverified).body(newCommunity(name, "yoga", "public", "open")).post("/api/communities"), 403,
                "email-unverified");
        problem(as(suspended).body(newCommunity(name, "yoga", "public", "open")).post("/api/communities"), 403,
                "account-inactive");
        problem(as(UUID.randomUUID()).body(newCommunity(name, "yoga", "public", "open")).post("/api/communities"), 409,
                "account-unknown");
        assertThat(TestDatabase.communitiesNamed(name)).isZero();
        assertThat(row(old)).endsWith("|t|1");
        as(old).body(newCommunity(name, "yoga", "public", "open")).post("/api/communities").then().statusCode(201);
    }

    @Test
    void aDeletedMemberLeavesEveryCommunityWithTheCountsRightAndKeepsOnlyTheirIdAndStatus() {
        List<UUID> users = TestEvents.members(3);
        UUID owner = users.get(0);
        UUID gone = users.get(1);
        UUID stays = users.get(2);
        String open = community(owner, "public", "open");
        String gated = community(owner, "private", "approval_required");
        memberWithRole(owner, open, gone, "moderator");
        join(stays, open).then().statusCode(201);
        join(gone, gated).then().statusCode(201);
        TestApi.invite(owner, gated, stays).then().statusCode(201);
        assertThat(TestDatabase.memberCounts(open)).isEqualTo("3|3");

        publishUser(gone, 2, userState(gone, "Whoever", "user", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.memberships(gone) == 0);
        assertThat(TestDatabase.memberCounts(open)).isEqualTo("2|2");
        assertThat(TestDatabase.memberCounts(gated)).as("a pending request was never counted").isEqualTo("1|1");
        assertThat(TestSql.row("select username, display_name, avatar_url, status, email_verified from known_user "
                + "where id = '" + gone + "'")).isEqualTo("null|Deleted user|null|deleted|f");
        assertThat(TestDatabase.membership(open, stays)).as("others' memberships are untouched").isEqualTo("member|active");

        publishUser(gone, 3, null); // the tombstone
        RecordMetadata replayed = publishUser(gone, 1, userState(gone, "Back again", "user", "active", true, 1));
        TestEvents.awaitConsumed(replayed);
        assertThat(row(gone)).as("an older state after the erasure never brings them back").startsWith("Deleted user|user|deleted|");
        problem(join(gone, open), 403, "account-inactive");
        assertThat(TestDatabase.memberCounts(open)).isEqualTo("2|2");
    }

    @Test
    void aDeletedOwnersCommunityPassesToTheHighestRoleOrGoesWithNobodyLeft() {
        List<UUID> users = TestEvents.members(4);
        UUID owner = users.get(0);
        String club = community(owner, "public", "open");
        memberWithRole(owner, club, users.get(1), "moderator");
        memberWithRole(owner, club, users.get(2), "admin");
        memberWithRole(owner, club, users.get(3), "admin");
        String alone = community(owner, "private", "invite_only");
        TestApi.invite(owner, alone, users.get(1)).then().statusCode(201);

        publishUser(owner, 2, null); // a tombstone alone erases too
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.memberships(owner) == 0);
        assertThat(TestDatabase.membership(club, users.get(2))).as("the admin who joined first inherits")
                .isEqualTo("owner|active");
        assertThat(TestDatabase.membership(club, users.get(3))).isEqualTo("admin|active");
        assertThat(TestDatabase.memberCounts(club)).isEqualTo("3|3");
        as(users.get(1)).get("/api/communities/" + club).then().statusCode(200)
                .body("ownerId", org.hamcrest.Matchers.equalTo(users.get(2).toString()));
        assertThat(TestSql.count("select count(*) from community where id = '" + alone + "'"))
                .as("a community nobody is left in goes, with its invitations").isZero();
        assertThat(TestSql.count("select count(*) from invitation where community_id = '" + alone + "'")).isZero();
        assertThat(TestSql.row("select display_name, status from known_user where id = '" + owner + "'"))
                .isEqualTo("Deleted user|deleted");
    }

    private static String row(UUID id) {
        return TestSql.row("select display_name, role, status, email_verified, version from known_user where id = '" + id + "'");
    }
}
