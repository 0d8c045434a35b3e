package com.swanstudios.cart.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.cart.TestEvents;
import com.swanstudios.platform.infra.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** identity.user.v1 as user-service publishes it, read into cart-service's directory of users. */
@QuarkusTest
class UserDirectoryTest {

    @Test
    void theNewestStateWinsWhateverTheOrderOfArrivalAndUnknownFieldsAreIgnored() {
        UUID id = UUID.randomUUID();
        publish(id, 2, state(id, "ann", "Ann B.", "client", "active", 2, ",\"aFieldAddedLater\":{\"x\":1}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).as("a field this consumer does not know is ignored").isEqualTo("ann|Ann B.|client|active|2"));

        RecordMetadata older = publish(id, 1, state(id, "ann", "Ann", "user", "active", 1, ""));
        TestEvents.awaitConsumed(older);
        assertThat(row(id)).as("the older state that arrived last was ignored").isEqualTo("ann|Ann B.|client|active|2");
    }

    @Test
    void anErasedUserKeepsOnlyTheirIdAndAReplayedOlderStateNeverBringsThemBack() {
        UUID id = UUID.randomUUID();
        publish(id, 1, state(id, "bo", "Bo", "user", "active", 1, ""));
        publish(id, 2, state(id, null, "Bo", "user", "deleted", 2, ""));
        publish(id, 3, null); // the tombstone
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(row(id)).isEqualTo("null|Deleted user|user|deleted|2"));

        RecordMetadata replayed = publish(id, 1, state(id, "bo", "Bo", "user", "active", 1, "")); // an old state again
        TestEvents.awaitConsumed(replayed);
        assertThat(row(id)).as("personal data stays erased").isEqualTo("null|Deleted user|user|deleted|2");
    }

    private static String state(UUID id, String username, String displayName, String role, String status, long version,
            String extra) {
        return "{\"id\":\"" + id + "\",\"username\":" + (username == null ? "null" : "\"" + username + "\"")
                + ",\"displayName\":\"" + displayName + "\",\"avatarUrl\":null,\"role\":\"" + role + "\",\"status\":\"" + status
                + "\",\"profileVisibility\":\"public\",\"discoverable\":true,\"version\":" + version + extra + "}";
    }

    private static RecordMetadata publish(UUID id, long version, String body) {
        return TestEvents.publish("identity.user.v1", "/user-service", "com.swanstudios.identity.user.profile-changed", id, version,
                body);
    }

    private static String row(UUID id) {
        return TestSql.row("select username, display_name, role, status, version from known_user where id = '" + id + "'");
    }
}
