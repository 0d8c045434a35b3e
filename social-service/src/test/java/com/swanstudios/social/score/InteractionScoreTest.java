package com.swanstudios.social.score;

import static com.swanstudios.platform.infra.TestCalls.problem;
import static com.swanstudios.social.TestApi.as;
import static com.swanstudios.social.TestApi.comment;
import static com.swanstudios.social.TestApi.publish;
import static com.swanstudios.social.TestApi.react;
import static com.swanstudios.social.TestEvents.username;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.swanstudios.platform.infra.TestSql;
import com.swanstudios.social.TestEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Interaction scores: kept as members interact, weighted by kind, decaying by half each half-life (30 days). */
@QuarkusTest
class InteractionScoreTest {

    @Inject
    InteractionScores scores;

    @Test
    void reactionsCommentsSharesAndMentionsAddTheirWeightsAsTheyHappen() throws Throwable {
        UUID author = TestEvents.member();
        UUID fan = TestEvents.member();
        UUID stranger = TestEvents.member();
        String post = publish(author, "Deadlift PR", "public");

        react(fan, post, "fire").then().statusCode(200);
        assertThat(stored(fan, author)).as("a reaction: 1").isCloseTo(1, within(1e-3));
        react(fan, post, "love").then().statusCode(200);
        assertThat(stored(fan, author)).as("changing its kind is no new reaction").isCloseTo(1, within(1e-3));
        String praise = comment(fan, post, "Huge!", null).then().statusCode(201).extract().path("id");
        assertThat(stored(fan, author)).as("a comment: 2 more").isCloseTo(3, within(1e-3));
        comment(author, post, "Thanks", praise).then().statusCode(201);
        assertThat(stored(author, fan)).as("a reply to someone's comment counts towards them").isCloseTo(2, within(1e-3));
        as(fan).body("{}").post("/api/social/posts/" + post + "/shares").then().statusCode(201);
        assertThat(stored(fan, author)).as("a share: 3 more").isCloseTo(6, within(1e-3));
        publish(author, "Thanks @" + username(fan), "public");
        assertThat(stored(author, fan)).as("a mention: 2 more").isCloseTo(4, within(1e-3));

        String hidden = publish(author, "Only mine", "private");
        problem(react(fan, hidden, "like"), 404, "not-found");
        react(author, hidden, "like").then().statusCode(200);
        assertThat(stored(fan, author)).as("what was refused counts nothing, nor does one's own post").isCloseTo(6, within(1e-3));

        Map<UUID, Double> between = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> scores.between(author, List.of(fan, stranger))));
        assertThat(between.get(fan)).as("both directions").isCloseTo(10, within(1e-3));
        assertThat(between.get(stranger)).isZero();
    }

    @Test
    void aScoreHalvesEachHalfLifeWhenReadAndIsDecayedBeforeEachAddition() throws Throwable {
        UUID author = TestEvents.member();
        UUID fan = TestEvents.member();
        react(fan, publish(author, "Day 1", "public"), "clap").then().statusCode(200);
        TestSql.row("update interaction_score set as_of = as_of - interval '30 days' where user_id = '" + fan + "' returning 1");
        assertThat(between(author, fan)).as("one half-life on").isCloseTo(0.5, within(1e-3));
        TestSql.row("update interaction_score set as_of = as_of - interval '30 days' where user_id = '" + fan + "' returning 1");
        assertThat(between(fan, author)).as("two").isCloseTo(0.25, within(1e-3));

        react(fan, publish(author, "Day 61", "public"), "clap").then().statusCode(200);
        assertThat(stored(fan, author)).as("decayed to now, then 1 added").isCloseTo(1.25, within(1e-3));
        assertThat(TestSql.row("select as_of > now() - interval '1 minute' from interaction_score where user_id = '" + fan
                + "'")).isEqualTo("t");
    }

    private double between(UUID user, UUID other) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> scores.between(user, List.of(other))))
                .get(other);
    }

    /** The score from one user towards another as stored (as of its last update). */
    private static double stored(UUID user, UUID other) {
        String score = TestSql.row("select score from interaction_score where user_id = '" + user + "' and other_id = '" + other
                + "'");
        return "absent".equals(score) ? 0 : Double.parseDouble(score);
    }
}
