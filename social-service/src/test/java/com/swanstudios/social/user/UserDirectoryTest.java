package com.swanstudios.social.user;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.textPost;
import static com.swanstudios.social.TestEvents.publishUser;
import static com.swanstudios.social.TestEvents.userState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestDatabase;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** identity.user.v1 as user-service publishes it, read into social-service's directory of users. */
@QuarkusTest
class UserDirectoryTest {

    @Test
    void theNewestStateWinsWhateverTheOrderOfArrival() {
        UUID id = UUID.randomUUID();
        publishUser(id, 2, userState(id, "Ann B.", "active", false, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(row(id)).isEqualTo("Ann B.|active|public|t|f|2"));

        RecordMetadata older = publishUser(id, 1, userState(id, "Ann", "suspended", true, 1));
        TestEvents.awaitConsumed(older);
        assertThat(row(id)).as("the older state that arrived last was ignored").isEqualTo("Ann B.|active|public|t|f|2");

        publishUser(id, 3, userState(id, "Ann Baker", "active", true, 3).replace(",\"discoverable\":true",
                ",\"discoverable\":false,\"aFieldAddedLater\":{\"x\":1}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).as("a newer state applies; a field this consumer does not know is ignored")
                        .isEqualTo("Ann Baker|active|public|f|t|3"));
    }

    @Test
    void anEventFromBeforeEmailVerificationExistedCountsAsVerified() {
        UUID id = TestEvents.knownUser("active", null);
        assertThat(row(id)).isEqualTo("Member " + id.toString().substring(0, 4) + "|active|public|t|t|1");
        publish(id, "My first post", "public");
    }

    @Test
    void aDeletedUserKeepsOnlyTheirIdAndStatusAndTheirPostsGoWithThem() {
        UUID gone = TestEvents.member();
        UUID stays = TestEvents.member();
        String post = publish(gone, "Soon gone", "public");
        publish(gone, "Also gone", "private");
        publish(stays, "Still here", "public");

        publishUser(gone, 2, userState(gone, "Whoever", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.posts(gone) == 0);
        assertThat(TestSql.row("select username, display_name, avatar_url, status, profile_visibility, discoverable, "
                + "email_verified from known_user where id = '" + gone + "'"))
                .isEqualTo("null|Deleted user|null|deleted|private|f|f");
        assertThat(TestDatabase.posts(stays)).as("another user's posts are untouched").isEqualTo(1);
        problem(as(stays).get("/api/social/posts/" + post), 404, "not-found");

        publishUser(gone, 3, null); // the tombstone
        RecordMetadata replayed = publishUser(gone, 1, userState(gone, "Back again", "active", true, 1));
        TestEvents.awaitConsumed(replayed);
        assertThat(row(gone)).as("an older state after the erasure never brings them back").startsWith("Deleted user|deleted|");
        problem(as(gone).body(textPost("I'm back", "public")).post("/api/social/posts"), 403,
                "account-inactive");
        assertThat(TestDatabase.posts(gone)).isZero();
    }

    @Test
    void aTombstoneAloneAlsoErasesTheUserAndTheirPosts() {
        UUID gone = TestEvents.member();
        publish(gone, "Before the tombstone", "public");
        publishUser(gone, 2, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.posts(gone) == 0);
        assertThat(TestSql.row("select username, display_name, status from known_user where id = '" + gone + "'"))
                .isEqualTo("null|Deleted user|deleted");
    }

    private static String row(UUID id) {
        return TestSql.row("select display_name, status, profile_visibility, discoverable, email_verified, version "
                + "from known_user where id = '" + id + "'");
    }
}
