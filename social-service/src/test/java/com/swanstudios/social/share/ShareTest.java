package com.swanstudios.social.share;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.engagement;
import static com.swanstudios.social.TestApi.feed;
import static com.swanstudios.social.TestApi.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Shares: into the sharer's followers' feeds, never to anyone the original hides from; a private post never; counted on
 * the original.
 */
@QuarkusTest
class ShareTest {

    static final UUID ADMIN = UUID.randomUUID();

    @Test
    void aPublicPostSharedReachesTheSharersFollowersWithTheSharersComment() {
        UUID author = TestEvents.member();
        UUID sharer = TestEvents.member();
        UUID fan = TestEvents.member();
        connected(fan, sharer, "follow");
        String original = publish(author, "Free class on Saturday", "public");
        String share = as(sharer).body("{\"comment\":\"Going, who's in?\"}").post("/api/social/posts/" + original + "/shares")
                .then().statusCode(201).body("type", equalTo("share")).body("content", equalTo("Going, who's in?"))
                .body("sharedPost.id", equalTo(original)).body("sharedPost.content", equalTo("Free class on Saturday"))
                .body("author.id", equalTo(sharer.toString())).extract().path("id");
        assertThat(feed(fan)).containsExactly(share);
        assertThat(feed(sharer)).containsExactly(share);
        as(fan).get("/api/social/posts/" + share).then().statusCode(200).body("sharedPost.id", equalTo(original));
        assertThat(engagement(author, original).getInt("shares")).isEqualTo(1);

        problem(as(sharer).body("{}").post("/api/social/posts/" + original + "/shares"), 409, "already-shared");
        problem(as(sharer).body("{}").post("/api/social/posts/" + share + "/shares"), 409, "already-shared");
        String reshare = as(fan).post("/api/social/posts/" + share + "/shares").then().statusCode(201)
                .body("content", nullValue()).body("sharedPost.id", equalTo(original)).extract().path("id");
        assertThat(TestSql.row("select shared_post_id from post where id = '" + reshare + "'"))
                .as("sharing a share shares its original").isEqualTo(original);
        assertThat(engagement(author, original).getInt("shares")).isEqualTo(2);

        as(sharer).body("{\"content\":\"Going!\"}").patch("/api/social/posts/" + share).then().statusCode(200)
                .body("content", equalTo("Going!")).body("sharedPost.id", equalTo(original));
        problem(as(sharer).body("{\"visibility\":\"public\"}").patch("/api/social/posts/" + share), 400, "validation");
        problem(as(sharer).body("{\"content\":\"" + "x".repeat(2001) + "\"}").patch("/api/social/posts/" + share), 400,
                "validation");
        assertThat(TestSql.row("select visibility, content from post where id = '" + share + "'")).isEqualTo("followers|Going!");

        as(sharer).delete("/api/social/posts/" + share).then().statusCode(204);
        assertThat(engagement(author, original).getInt("shares")).isEqualTo(1);
        assertThat(feed(fan)).containsExactly(reshare);
        as(author).delete("/api/social/posts/" + original).then().statusCode(204);
        assertThat(TestSql.count("select count(*) from post where id = '" + reshare + "'")).as("a share goes with its original")
                .isZero();
    }

    @Test
    void aShareNeverWidensTheOriginalsAudience() {
        UUID author = TestEvents.member();
        UUID sharer = TestEvents.member();
        UUID alsoFollowsAuthor = TestEvents.member();
        UUID authorsFriend = TestEvents.member();
        UUID onlyFollowsSharer = TestEvents.member();
        connected(sharer, author, "friend");
        connected(alsoFollowsAuthor, author, "follow");
        connected(authorsFriend, author, "friend");
        for (UUID reader : new UUID[] {alsoFollowsAuthor, authorsFriend, onlyFollowsSharer}) {
            connected(reader, sharer, "follow");
        }
        String followersOnly = publish(author, "For my followers", "followers");
        String friendsOnly = publish(author, "For my friends", "friends");
        String privatePost = publish(author, "For me", "private");
        String toFollowers = as(sharer).body("{}").post("/api/social/posts/" + followersOnly + "/shares").then().statusCode(201)
                .extract().path("id");
        String toFriends = as(sharer).body("{}").post("/api/social/posts/" + friendsOnly + "/shares").then().statusCode(201)
                .extract().path("id");
        problem(as(author).body("{}").post("/api/social/posts/" + privatePost + "/shares"), 422, "not-shareable");
        problem(as(sharer).body("{}").post("/api/social/posts/" + privatePost + "/shares"), 404, "not-found");

        assertThat(feed(onlyFollowsSharer)).as("may see neither original").isEmpty();
        assertThat(feed(alsoFollowsAuthor)).as("follows the author: the followers post, shared and not")
                .containsExactlyInAnyOrder(toFollowers, followersOnly);
        assertThat(feed(authorsFriend)).as("the author's friend: both")
                .containsExactlyInAnyOrder(toFriends, toFollowers, friendsOnly, followersOnly);
        as(onlyFollowsSharer).get("/api/social/posts/" + toFollowers).then().statusCode(200).body("sharedPost", nullValue());
        as(alsoFollowsAuthor).get("/api/social/posts/" + toFriends).then().statusCode(200).body("sharedPost", nullValue());
        as(authorsFriend).get("/api/social/posts/" + toFriends).then().statusCode(200).body("sharedPost.id", equalTo(friendsOnly));

        // a change of the original's audience, or a block by its author, applies to its shares at once
        as(author).body("{\"visibility\":\"private\"}").patch("/api/social/posts/" + followersOnly).then().statusCode(200);
        assertThat(feed(authorsFriend)).containsExactlyInAnyOrder(toFriends, friendsOnly);
        String friendship = TestSql.row("select id from connection where type = 'friend' and (requester_id = '" + authorsFriend
                + "' or target_id = '" + authorsFriend + "')");
        answer(author, friendship, "blocked").then().statusCode(200);
        assertThat(feed(authorsFriend)).as("blocked by the author: no share of theirs either").isEmpty();
        as(authorsFriend).get("/api/social/posts/" + toFriends).then().statusCode(200).body("sharedPost", nullValue());
    }

    @Test
    void aFlaggedOriginalLeavesFeedsThroughItsSharesTooAndIsNotShared() {
        UUID author = TestEvents.member();
        UUID sharer = TestEvents.member();
        UUID fan = TestEvents.member();
        connected(fan, sharer, "follow");
        String original = publish(author, "Controversial take", "public");
        String share = as(sharer).body("{}").post("/api/social/posts/" + original + "/shares").then().statusCode(201)
                .extract().path("id");
        assertThat(feed(fan)).containsExactly(share);
        TestSql.row("update post set moderation_status = 'flagged' where id = '" + original + "' returning id");
        assertThat(feed(fan)).isEmpty();
        problem(as(fan).body("{}").post("/api/social/posts/" + original + "/shares"), 422, "not-shareable");
        as(ADMIN, "admin").body("{\"action\":\"approve\"}").post("/api/social/moderation/posts/" + original).then().statusCode(200);
        assertThat(feed(fan)).containsExactly(share);
    }
}
