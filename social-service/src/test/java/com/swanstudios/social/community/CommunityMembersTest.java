package com.swanstudios.social.community;

import static com.swanstudios.social.TestEvents.JOINED;
import static com.swanstudios.social.TestEvents.LEFT;
import static com.swanstudios.social.TestEvents.awaitConsumed;
import static com.swanstudios.social.TestEvents.memberBody;
import static com.swanstudios.social.TestEvents.membership;
import static com.swanstudios.social.TestEvents.publishCommunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.platform.infra.TopicRecords;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** community.activity.v1 as community-service publishes it, read into who belongs to which community. */
@QuarkusTest
class CommunityMembersTest {

    static final String DEAD_LETTERS = "community.activity.v1.dlq";

    @Test
    void joinsAndLeavesApplyOnceAndInOrderAndTheTopicsOtherEventsAreIgnored() {
        UUID user = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now().minusHours(1);
        String joined = UUID.randomUUID().toString();
        publishCommunity(joined, JOINED, user, memberBody(user, community, start).replace("}", ",\"role\":\"moderator\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "moderator|f".equals(stateOf(user, community)));

        membership(LEFT, user, community, start.plusMinutes(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> stateOf(user, community).endsWith("|t"));
        awaitConsumed(publishCommunity(joined, JOINED, user, memberBody(user, community, start)));
        awaitConsumed(membership(JOINED, user, community, start.plusMinutes(5)));
        assertThat(stateOf(user, community)).as("neither the joined event again nor an older one brings them back")
                .endsWith("|t");

        UUID other = UUID.randomUUID();
        awaitConsumed(publishCommunity(UUID.randomUUID().toString(), "com.swanstudios.community.achievement.earned", user,
                "{\"userId\":\"" + user + "\",\"achievementId\":\"" + other + "\"}"));
        awaitConsumed(publishCommunity(UUID.randomUUID().toString(), "com.swanstudios.community.event.cancelled", user,
                "not even JSON"));
        membership(JOINED, user, other, start.plusMinutes(20));
        await().atMost(Duration.ofSeconds(30)).until(() -> "null|f".equals(stateOf(user, other)));
        assertThat(deadLetters(user)).as("ignored events are no poison").isEmpty();
    }

    @Test
    void aRecordThatCanNeverApplyIsDeadLetteredAndTheNextOneApplies() {
        UUID user = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publishCommunity(UUID.randomUUID().toString(), JOINED, user, "{\"userId\":");
        publishCommunity(UUID.randomUUID().toString(), JOINED, user, memberBody(UUID.randomUUID(), community, now));
        publishCommunity(UUID.randomUUID().toString(), JOINED, user, "{\"userId\":\"" + user + "\",\"communityId\":\"" + community
                + "\"}");
        membership(JOINED, user, community, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> "null|f".equals(stateOf(user, community)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(user)).hasSize(3));
        ConsumerRecord<String, String> letter = deadLetters(user).get(1);
        assertThat(header(letter, "dead-letter-consumer-group")).isEqualTo("social-service");
        assertThat(header(letter, "dead-letter-channel")).isEqualTo(CommunityMembers.CHANNEL);
        assertThat(header(letter, "dead-letter-reason")).contains("is not the record's key");
        assertThat(header(deadLetters(user).get(2), "dead-letter-reason")).contains("occurredAt is missing");
    }

    @Test
    void aDatabaseThatCannotTakeTheChangeYetIsRetriedNotDeadLettered() {
        UUID user = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        // a transient refusal (SQL state 40001, as a lost race or a failing-over database answers) for this user only
        assertThat(TestSql.refusal("""
                create function community_member_refuse() returns trigger language plpgsql as $$
                begin
                    if new.user_id = '%s' then raise exception 'not now' using errcode = '40001'; end if;
                    return new;
                end $$""".formatted(user))).isEqualTo("accepted");
        assertThat(TestSql.refusal("create trigger community_member_refuse before insert on community_member for each row "
                + "execute function community_member_refuse()")).isEqualTo("accepted");
        try {
            membership(JOINED, user, community, OffsetDateTime.now());
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(stateOf(user, community)).isEqualTo("absent");
        } finally {
            TestSql.refusal("drop trigger community_member_refuse on community_member");
            TestSql.refusal("drop function community_member_refuse()");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "null|f".equals(stateOf(user, community)));
        assertThat(deadLetters(user)).isEmpty();
    }

    /** role and whether they left, or "absent". */
    private static String stateOf(UUID user, UUID community) {
        return TestSql.row("select role, left_at is not null from community_member where user_id = '" + user
                + "' and community_id = '" + community + "'");
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID user) {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), DEAD_LETTERS).stream()
                .filter(r -> user.toString().equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
