package com.swanstudios.social.feed;

import static com.swanstudios.social.TestApi.answer;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.connected;
import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestEvents.publishUser;
import static com.swanstudios.social.TestEvents.userState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.awaitility.Awaitility.await;

import com.swanstudios.platform.contract.SendsInvalidRequests;
import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestApi;
import com.swanstudios.social.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The home feed: who finds which post in it, how changes of connections and posts move it, and its pages. */
@QuarkusTest
class FeedTest {

    @jakarta.inject.Inject
    FeedTrimmer trimmer;

    @Test
    void eachReadersFeedHoldsWhatTheirConnectionLetsThemSeeBackfilledAndFannedOut() {
        UUID author = TestEvents.member();
        UUID stranger = TestEvents.member();
        UUID follower = TestEvents.member();
        UUID friend = TestEvents.member();
        UUID blocked = TestEvents.member();
        Map<String, String> before = posts(author, "before");
        connected(follower, author, "follow");
        connected(friend, author, "friend");
        String follow = connected(blocked, author, "follow");
        answer(author, follow, "blocked").then().statusCode(200);
        Map<String, String> after = posts(author, "after");

        assertThat(feed(author)).as("self: everything of theirs, moderation or not").containsExactlyElementsOf(
                newestFirst(before, after, List.of("public", "followers", "friends", "private", "flagged", "hidden")));
        assertThat(feed(follower)).as("follower").containsExactlyElementsOf(
                newestFirst(before, after, List.of("public", "followers")));
        assertThat(feed(friend)).as("friend").containsExactlyElementsOf(
                newestFirst(before, after, List.of("public", "followers", "friends")));
        assertThat(feed(stranger)).as("stranger").isEmpty();
        assertThat(feed(blocked)).as("blocked").isEmpty();
    }

    @Test
    void aBlockAnUnfollowAndAnEditOrDeletionTakePostsOutOfFeeds() {
        UUID a = TestEvents.member();
        UUID b = TestEvents.member();
        UUID fan = TestEvents.member();
        String friendship = connected(a, b, "friend");
        String follow = connected(fan, a, "follow");
        String ofA = publish(a, "From a", "public");
        String ofB = publish(b, "From b", "friends");
        assertThat(feed(a)).containsExactly(ofB, ofA);
        assertThat(feed(b)).containsExactly(ofB, ofA);
        assertThat(feed(fan)).containsExactly(ofA);

        answer(b, friendship, "blocked").then().statusCode(200);
        assertThat(feed(a)).as("the blocked side loses the blocker's posts").containsExactly(ofA);
        assertThat(feed(b)).as("and the blocker the blocked side's").containsExactly(ofB);
        as(b).delete("/api/social/connections/" + friendship).then().statusCode(204);
        assertThat(feed(a)).as("lifting a block connects nobody").containsExactly(ofA);

        String second = publish(a, "Soon private", "public");
        assertThat(feed(fan)).containsExactly(second, ofA);
        as(a).body("{\"visibility\":\"private\"}").patch("/api/social/posts/" + second).then().statusCode(200);
        assertThat(feed(fan)).as("made private, it leaves the follower's feed").containsExactly(ofA);
        as(a).body("{\"visibility\":\"followers\"}").patch("/api/social/posts/" + second).then().statusCode(200);
        assertThat(feed(fan)).as("and comes back when followers may see it again").containsExactly(second, ofA);
        as(a).delete("/api/social/posts/" + second).then().statusCode(204);
        assertThat(feed(fan)).as("a deleted post leaves every feed").containsExactly(ofA);
        assertThat(TestSql.count("select count(*) from feed_entry where post_id = '" + second + "'")).isZero();

        as(fan).delete("/api/social/connections/" + follow).then().statusCode(204);
        assertThat(feed(fan)).as("unfollowed").isEmpty();
        assertThat(feed(a)).as("the author keeps their own").containsExactly(ofA);
    }

    @Test
    void aTrimmedFeedReadsTheSameBelowItsHorizonAndStillFollowsConnections() {
        UUID author = TestEvents.member();
        UUID follower = TestEvents.member();
        UUID friend = TestEvents.member();
        UUID blocked = TestEvents.member();
        Map<String, String> before = posts(author, "before");
        String follows = connected(follower, author, "follow");
        String friendship = connected(friend, author, "friend");
        String follow = connected(blocked, author, "follow");
        Map<String, String> after = posts(author, "after");
        String own = publish(follower, "The follower's own", "public");
        answer(author, follow, "blocked").then().statusCode(200);
        Map<UUID, List<String>> untrimmed = new java.util.LinkedHashMap<>();
        for (UUID reader : List.of(author, follower, friend, blocked)) {
            untrimmed.put(reader, feed(reader));
        }

        trimmer.trimAll(2).await().atMost(Duration.ofSeconds(30));
        for (UUID reader : List.of(author, follower, friend)) {
            assertThat(TestSql.count("select count(*) from feed_entry where reader_id = '" + reader + "'"))
                    .as("at most the capacity kept").isEqualTo(2);
            assertThat(TestSql.count("select count(*) from feed_horizon where reader_id = '" + reader + "'")).isOne();
        }
        untrimmed.forEach((reader, expected) -> {
            assertThat(feed(reader)).as("one page, entries and then posts below the horizon").isEqualTo(expected);
            assertThat(pages(reader, 3)).as("pages across the horizon").isEqualTo(expected);
        });
        assertThat(untrimmed.get(follower)).startsWith(own).hasSize(1 + 4);

        String fresh = publish(author, "After trimming", "followers");
        assertThat(feed(follower)).as("fan-out lands above the horizon").first().isEqualTo(fresh);
        answer(author, friendship, "blocked").then().statusCode(200);
        assertThat(feed(friend)).as("a block hides the pulled posts too").isEmpty();
        as(follower).delete("/api/social/connections/" + follows).then().statusCode(204);
        assertThat(feed(follower)).as("so does an unfollow").containsExactly(own);
    }

    @Test
    void theRelevantOrderRanksTheNewestByClosenessThenGoesOnNewestFirst() {
        UUID reader = TestEvents.member();
        UUID close = TestEvents.member();
        UUID other = TestEvents.member();
        connected(reader, close, "follow");
        connected(reader, other, "follow");
        String older = publish(close, "Yesterday's long run", "public");
        TestApi.react(reader, older, "fire").then().statusCode(anyOf(is(200), is(201)));
        TestApi.comment(reader, older, "Great pace!", null).then().statusCode(201);
        String closest = publish(close, "Hill repeats", "public");
        String newer = publish(other, "Rest day", "public");
        String newest = publish(other, "Leg day", "public");
        assertThat(feed(reader)).as("newest first").containsExactly(newest, newer, closest, older);

        // the test profile ranks a window of the newest 3: the close author's post first, then the other's by age;
        // after the window, newest first
        List<String> relevant = TestApi.allPages(reader, "/api/social/feed?order=relevant", 1);
        assertThat(relevant).containsExactly(closest, newest, newer, older);
        assertThat(TestApi.allPages(reader, "/api/social/feed?order=relevant", 2)).isEqualTo(relevant);
        problem(as(reader).queryParam("order", "popular").get("/api/social/feed"), 400, "validation");
        problem(as(reader).queryParam("order", "relevant").queryParam("cursor", "cmVsZXZhbnQ6bm9wZTox")
                .get("/api/social/feed"), 400, "validation");
    }

    @Test
    void pagesStayStableWhileNewPostsArrive() {
        UUID reader = TestEvents.member();
        UUID author = TestEvents.member();
        connected(reader, author, "follow");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(publish(i % 2 == 0 ? author : reader, "Post " + i, "public"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(reader).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/social/feed").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (pages == 0) {
                publish(author, "Arrives while paging", "public");
            }
            pages++;
        } while (cursor != null);
        assertThat(seen).as("no post twice, none skipped, newest first")
                .containsExactlyElementsOf(reversed(published));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aDeletedUsersFeedAndTheirPostsInOthersFeedsGo() {
        UUID gone = TestEvents.member();
        UUID reader = TestEvents.member();
        connected(reader, gone, "follow");
        connected(gone, reader, "follow");
        publish(gone, "Soon gone", "public");
        String stays = publish(reader, "Stays", "public");
        publishUser(gone, 2, userState(gone, "Whoever", "deleted", true, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.count("select count(*) from feed_entry where reader_id = '"
                + gone + "' or author_id = '" + gone + "'") == 0);
        assertThat(feed(reader)).containsExactly(stays);
    }

    @Test
    @SendsInvalidRequests("cursors this service did not issue, limits out of range")
    void badPagingIsRefused() {
        UUID reader = TestEvents.member();
        problem(as(reader).queryParam("cursor", "not-a-cursor").get("/api/social/feed"), 400, "validation");
        problem(as(reader).queryParam("limit", 0).get("/api/social/feed"), 400, "validation");
        problem(as(reader).queryParam("limit", 101).get("/api/social/feed"), 400, "validation");
    }

    /** A post of each visibility, then a flagged and a hidden public one; id by what it is. */
    private static Map<String, String> posts(UUID author, String when) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String visibility : List.of("public", "followers", "friends", "private")) {
            ids.put(visibility, publish(author, visibility + " " + when, visibility));
        }
        for (String moderation : List.of("flagged", "hidden")) {
            String id = publish(author, moderation + " " + when, "public");
            TestSql.row("update post set moderation_status = '" + moderation + "' where id = '" + id + "' returning id");
            ids.put(moderation, id);
        }
        return ids;
    }

    private static List<String> newestFirst(Map<String, String> before, Map<String, String> after, List<String> kinds) {
        List<String> ids = new ArrayList<>();
        for (Map<String, String> posts : List.of(before, after)) {
            posts.forEach((kind, id) -> {
                if (kinds.contains(kind)) {
                    ids.add(id);
                }
            });
        }
        return reversed(ids);
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** The whole feed, {@code limit} at a time. */
    private static List<String> pages(UUID reader, int limit) {
        return TestApi.allPages(reader, "/api/social/feed", limit);
    }

    private static List<String> feed(UUID reader) {
        return as(reader).queryParam("limit", 100).get("/api/social/feed").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }
}
