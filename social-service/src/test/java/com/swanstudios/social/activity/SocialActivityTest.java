package com.swanstudios.social.activity;

import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.react;
import static com.swanstudios.social.TestEvents.username;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.contract.EventContract;
import com.swanstudios.platform.infra.PlatformTestResource;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.platform.infra.TopicRecords;
import com.swanstudios.platform.kit.events.EventEnvelope;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** social.activity.v1: what is announced, to whom it may point, and that every record keeps the published contract. */
@QuarkusTest
class SocialActivityTest {

    static final EventContract ACTIVITY = EventContract.of("social.activity.v1");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachActivityOnAPostIsAnnouncedByIdsOnlyInOrderUnderThePostsKey() throws Exception {
        UUID author = TestEvents.member();
        UUID fan = TestEvents.member();
        UUID stranger = TestEvents.member();
        connected(fan, author, "follow");
        String post = publish(author, "Leg day with @" + username(fan) + " and @" + username(stranger) + " #legday",
                "followers");
        react(fan, post, "fire").then().statusCode(200);
        react(fan, post, "love").then().statusCode(200);
        String said = comment(fan, post, "Brutal session", null).then().statusCode(201).extract().path("id");
        String share = as(fan).body("{\"comment\":\"Worth it\"}").post("/api/social/posts/" + post + "/shares").then()
                .statusCode(201).extract().path("id");
        as(author).body("{\"content\":\"Leg day with @" + username(fan) + " #legday #quads\"}").patch("/api/social/posts/"
                + post).then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records(post)).hasSize(5));
        List<ConsumerRecord<String, String>> records = records(post);
        assertThat(records).extracting(r -> header(r, EventEnvelope.CE_TYPE)).as("a change of reaction, and an edit "
                + "naming the same user again, announce nothing more; the stranger cannot see the post, so is not told")
                .containsExactly("com.swanstudios.social.post.created", "com.swanstudios.social.user.mentioned",
                        "com.swanstudios.social.reaction.added", "com.swanstudios.social.comment.added",
                        "com.swanstudios.social.post.shared");
        for (ConsumerRecord<String, String> record : records) {
            ACTIVITY.assertConforms(record.value());
            assertThat(header(record, EventEnvelope.CE_SOURCE)).isEqualTo("/social-service");
            assertThat(header(record, EventEnvelope.CE_SUBJECT)).isEqualTo(post);
            assertThat(record.value()).as("ids only").doesNotContain("Leg day", "Brutal", "Worth it", "legday");
        }
        JsonNode mention = JSON.readTree(records.get(1).value());
        assertThat(mention.path("mentionedUserId").asText()).isEqualTo(fan.toString());
        assertThat(mention.path("actorId").asText()).isEqualTo(author.toString());
        JsonNode reaction = JSON.readTree(records.get(2).value());
        assertThat(reaction.path("reaction").asText()).isEqualTo("fire");
        assertThat(reaction.path("actorId").asText()).isEqualTo(fan.toString());
        assertThat(reaction.path("postAuthorId").asText()).isEqualTo(author.toString());
        assertThat(reaction.path("visibility").asText()).isEqualTo("followers");
        assertThat(JSON.readTree(records.get(3).value()).path("commentId").asText()).isEqualTo(said);
        assertThat(JSON.readTree(records.get(4).value()).path("shareId").asText()).isEqualTo(share);
    }

    @Test
    void nothingAboutAPrivatePostIsAnnouncedNorAMentionInContentHeldForModeration() {
        UUID author = TestEvents.member();
        UUID friend = TestEvents.member();
        connected(friend, author, "friend");
        String hidden = publish(author, "Note to self, with @" + username(friend), "private");
        react(author, hidden, "like").then().statusCode(200);
        comment(author, hidden, "Reminder", null).then().statusCode(201);
        String rude = publish(author, "@" + username(friend) + " you asshole", "public");
        assertThat(TestSql.row("select moderation_status from post where id = '" + rude + "'")).isEqualTo("flagged");
        String fine = publish(author, "Thanks @" + username(friend), "public");
        comment(author, fine, "Also, @" + username(friend) + " kys", null).then().statusCode(201);

        assertThat(staged(hidden)).as("a private post: not its creation, nor anything on it").isEmpty();
        assertThat(staged(rude)).as("a flagged post is created, but its mentions wait for nobody")
                .containsExactly("com.swanstudios.social.post.created");
        assertThat(staged(fine)).as("a held comment is announced, but tells nobody it names them").containsExactly(
                "com.swanstudios.social.post.created", "com.swanstudios.social.user.mentioned",
                "com.swanstudios.social.comment.added");
        assertThat(TestSql.count("select count(*) from post_mention where post_id = '" + rude + "'"))
                .as("the mention is kept all the same").isEqualTo(1);
    }

    /** The event types staged in the outbox for this post, in order. */
    private static List<String> staged(String post) {
        String types = TestSql.row("select coalesce(string_agg(event_type, ',' order by seq), '') from outbox_message "
                + "where topic = 'social.activity.v1' and aggregate_id = '" + post + "'");
        return types.isEmpty() ? List.of() : List.of(types.split(","));
    }

    private static List<ConsumerRecord<String, String>> records(String post) {
        return TopicRecords.readAll(PlatformTestResource.kafka().bootstrapServers(), SocialActivity.TOPIC).stream()
                .filter(r -> post.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
