package com.swanstudios.social.tag;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.textPost;
import static com.swanstudios.social.TestEvents.username;
import static org.assertj.core.api.Assertions.assertThat;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestDatabase;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hashtags and mentions: read from every post and comment, kept as the text changes, and a tag's posts listed. */
@QuarkusTest
class HashtagTest {

    @Test
    void hashtagsAndMentionsFollowTheTextThroughEditsAndDeletions() {
        UUID author = TestEvents.member();
        UUID ann = TestEvents.member();
        UUID blocker = TestEvents.member();
        answer(blocker, connected(author, blocker, "follow"), "blocked").then().statusCode(200);
        String post = publish(author, "Leg day! #LegDay #legday #squats_101 #2024 a#b @" + username(ann).toUpperCase()
                + ". @" + username(blocker) + " @nobody_known https://x.example/p#frag mail@" + username(ann) + ".com", "public");
        assertThat(tags("post", post)).as("lower-cased, once; not digits alone, glued text or a link's fragment")
                .containsExactlyInAnyOrder("legday", "squats_101");
        assertThat(mentions("post", post)).as("a known user, whatever the case and the full stop; not one who blocked "
                + "the author, nor an unknown name, nor an email address").containsExactly(ann.toString());

        as(author).body("{\"content\":\"Rest day #Recovery\"}").patch("/api/social/posts/" + post).then().statusCode(200);
        assertThat(tags("post", post)).as("an edit replaces them").containsExactly("recovery");
        assertThat(mentions("post", post)).isEmpty();

        String said = comment(ann, post, "#recovery matters, @" + username(author), null).then().statusCode(201)
                .extract().path("id");
        comment(author, post, "Agreed", said).then().statusCode(201);
        assertThat(tags("comment", said)).containsExactly("recovery");
        assertThat(mentions("comment", said)).containsExactly(author.toString());
        as(ann).body("{\"content\":\"#Sleep matters\"}").patch("/api/social/comments/" + said).then().statusCode(200);
        assertThat(tags("comment", said)).containsExactly("sleep");
        assertThat(mentions("comment", said)).isEmpty();

        as(ann).delete("/api/social/comments/" + said).then().statusCode(204);
        assertThat(tags("comment", said)).as("a tombstone keeps no tags").isEmpty();
        as(author).delete("/api/social/posts/" + post).then().statusCode(204);
        assertThat(tags("post", post)).isEmpty();
    }

    @Test
    void aTagListsTheNewestPostsTheReaderMaySeeAPageAtATime() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        UUID author = TestEvents.member();
        UUID follower = TestEvents.member();
        UUID friend = TestEvents.member();
        UUID stranger = TestEvents.member();
        UUID blocked = TestEvents.member();
        connected(follower, author, "follow");
        connected(friend, author, "friend");
        connected(stranger, follower, "follow");
        answer(author, connected(blocked, author, "follow"), "blocked").then().statusCode(200);

        String everyone = publish(author, "Public #" + tag, "public");
        String followers = publish(author, "Followers #" + tag, "followers");
        String friends = publish(author, "Friends #" + tag, "friends");
        String mine = publish(author, "Private #" + tag, "private");
        String flagged = publish(author, "Flagged #" + tag, "public");
        String hidden = publish(author, "Hidden #" + tag, "public");
        TestSql.row("update post set moderation_status = 'flagged' where id = '" + flagged + "' returning id");
        TestSql.row("update post set moderation_status = 'hidden' where id = '" + hidden + "' returning id");
        String share = as(follower).body("{\"comment\":\"Look #" + tag + "\"}").post("/api/social/posts/" + followers
                + "/shares").then().statusCode(201).extract().path("id");

        assertThat(listed(author, tag, 2)).as("the author: all theirs but the hidden one, newest first, in pages")
                .containsExactly(flagged, mine, friends, followers, everyone);
        assertThat(listed(follower, tag, 100)).containsExactly(share, followers, everyone);
        assertThat(listed(friend, tag, 100)).containsExactly(friends, followers, everyone);
        assertThat(listed(stranger, tag, 100)).as("the share of a post the stranger may not see is not shown either")
                .containsExactly(everyone);
        assertThat(listed(blocked, tag, 100)).isEmpty();
        assertThat(listed(UUID.randomUUID(), tag, 100)).containsExactly(everyone);
        as(stranger).urlEncodingEnabled(false).get("/api/social/hashtags/%23" + tag.toUpperCase() + "/posts").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(everyone));
    }

    @Test
    @SendsInvalidRequests("tags that are not hashtags, limits out of range")
    void whatIsNoTagAndTooManyTagsAreRefusedAndNothingIsWritten() {
        UUID author = TestEvents.member();
        for (String bad : List.of("no-dash", "2024", "a".repeat(101), "%23%23two", "sp%20ace")) {
            problem(as(author).urlEncodingEnabled(false).get("/api/social/hashtags/" + bad + "/posts"), 400, "validation");
        }
        problem(as(author).queryParam("cursor", "nope").get("/api/social/hashtags/legday/posts"), 400, "validation");
        problem(as(author).queryParam("limit", 101).get("/api/social/hashtags/legday/posts"), 400, "validation");

        String manyTags = distinct("#t", 31);
        problem(as(author).body(textPost(manyTags, "public")).post("/api/social/posts"), 400, "validation");
        assertThat(TestDatabase.posts(author)).isZero();

        String post = publish(author, "One #tag", "public");
        problem(as(author).body("{\"content\":\"" + manyTags + "\"}").patch("/api/social/posts/" + post), 400, "validation");
        String manyMentions = distinct("@user_", 21);
        problem(as(author).body("{\"content\":\"" + manyMentions + "\"}").post("/api/social/posts/" + post + "/comments"),
                400, "validation");
        assertThat(tags("post", post)).containsExactly("tag");
        assertThat(TestSql.count("select count(*) from comment where post_id = '" + post + "'")).isZero();
    }

    /** {@code n} different words with this prefix, separated by spaces. */
    private static String distinct(String prefix, int n) {
        return String.join(" ", IntStream.range(0, n).mapToObj(i -> prefix + (char) ('a' + i / 26) + (char) ('a' + i % 26))
                .toList());
    }

    /** Every page of a tag's posts as this reader sees them, {@code limit} at a time. */
    private static List<String> listed(UUID reader, String tag, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(reader).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/social/hashtags/" + tag + "/posts").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> tags(String source, String id) {
        return strings("select coalesce(string_agg(tag, ',' order by tag), '') from " + source + "_hashtag where " + source
                + "_id = '" + id + "'");
    }

    private static List<String> mentions(String source, String id) {
        return strings("select coalesce(string_agg(user_id::text, ',' order by user_id), '') from " + source
                + "_mention where " + source + "_id = '" + id + "'");
    }

    private static List<String> strings(String sql) {
        String joined = TestSql.row(sql);
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
