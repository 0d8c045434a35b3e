package com.swanstudios.social.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The built-in analyser's rules on their own (no service needed: it is a function of the text, the author's recent
 * activity and the settings), with the shipped blocklist.
 */
class BuiltInAnalyserTest {

    /** The defaults of {@link AnalysisSettings}, any of which a test changes. */
    record Settings(String analyser, int threshold, String blocklist, int blocklistPoints, int maxLinks, int extraLinkPoints,
            int repeatedLinkPoints, Duration duplicateWindow, int duplicatePoints, Duration burstWindow, int burstSize,
            int burstPoints) implements AnalysisSettings {

        static final Settings DEFAULTS = new Settings(BuiltInAnalyser.NAME, 50, "analysis/blocklist.txt", 60, 3, 15, 30,
                Duration.ofHours(24), 40, Duration.ofMinutes(10), 20, 60);

        Settings threshold(int value) {
            return new Settings(analyser, value, blocklist, blocklistPoints, maxLinks, extraLinkPoints, repeatedLinkPoints,
                    duplicateWindow, duplicatePoints, burstWindow, burstSize, burstPoints);
        }

        Settings burstSize(int value) {
            return new Settings(analyser, threshold, blocklist, blocklistPoints, maxLinks, extraLinkPoints, repeatedLinkPoints,
                    duplicateWindow, duplicatePoints, burstWindow, value, burstPoints);
        }
    }

    static final Blocklist BLOCKLIST = Blocklist.load(Settings.DEFAULTS.blocklist());

    @Test
    void thresholdsAndPointsAreSettings() {
        Submission busyDuplicate = post("Morning session done", 6, 1);
        Analysis byDefault = analyser(Settings.DEFAULTS).score(busyDuplicate);
        assertThat(byDefault.score()).as("a duplicate alone").isEqualTo(40);
        assertThat(ContentReview.flags(byDefault, Settings.DEFAULTS)).as("is under the default threshold").isFalse();
        assertThat(ContentReview.flags(byDefault, Settings.DEFAULTS.threshold(40))).as("and at a threshold of 40").isTrue();

        Analysis smallBursts = analyser(Settings.DEFAULTS.burstSize(5)).score(busyDuplicate);
        assertThat(smallBursts.reasons()).extracting(Analysis.Reason::signal).containsExactly("duplicate", "burst");
        assertThat(smallBursts.score()).as("six posts are a burst when five are the most").isEqualTo(100);
        assertThat(analyser(Settings.DEFAULTS).score(post("Morning session done", 21, 0)).reasons())
                .extracting(Analysis.Reason::signal).containsExactly("burst");
        assertThat(analyser(Settings.DEFAULTS).score(post("Morning session done", 20, 0)).score()).isZero();
    }

    @Test
    void blocklistedTermsAreFoundThroughTheObviousEvasionsButNotInsideOtherWords() {
        for (String evasive : List.of("you ASSHOLE", "you a$$h0le!", "you a.s.s.h.o.l.e", "you assssshole", "you ÀSSHÖLE",
                "what a - a s s h o l e - move")) {
            assertThat(BLOCKLIST.termsIn(evasive)).as(evasive).containsExactly("asshole");
        }
        assertThat(BLOCKLIST.termsIn("KILL   YOURSELF.")).containsExactly("kill yourself");
        assertThat(BLOCKLIST.termsIn("k y s")).containsExactly("kys");
        for (String innocent : List.of("Scunthorpe parkrun", "a classic glasshole joke", "killer leg day", "skys the limit",
                "great session!", "5x5 back squat, 100 kg")) {
            assertThat(BLOCKLIST.termsIn(innocent)).as(innocent).isEmpty();
        }
        Analysis insult = analyser(Settings.DEFAULTS).score(post("Fuck off, you retard", 1, 0));
        assertThat(insult.reasons()).extracting(Analysis.Reason::detail)
                .containsExactly("blocklisted term: \"fuck off\"", "blocklisted term: \"retard\"");
        assertThat(insult.score()).as("capped").isEqualTo(Analysis.MAX_SCORE);
    }

    @Test
    void linksCountWhenThereAreManyOrOneIsRepeated() {
        BuiltInAnalyser analyser = analyser(Settings.DEFAULTS);
        assertThat(analyser.score(post("My run https://strava.example/a/1 and www.club.example", 1, 0)).score()).isZero();
        Analysis many = analyser.score(post("https://a.example https://b.example https://c.example https://d.example "
                + "https://e.example", 1, 0));
        assertThat(many.reasons()).extracting(Analysis.Reason::signal).containsExactly("links");
        assertThat(many.score()).as("two beyond three").isEqualTo(30);
        Analysis repeated = analyser.score(post("Buy https://shop.example/p. Buy HTTPS://www.shop.example/p!", 1, 0));
        assertThat(repeated.reasons()).extracting(Analysis.Reason::signal).containsExactly("repeated-links");
    }

    private static BuiltInAnalyser analyser(AnalysisSettings settings) {
        return new BuiltInAnalyser(settings, BLOCKLIST);
    }

    private static Submission post(String text, int recent, int duplicates) {
        return new Submission(Submission.Kind.POST, UUID.randomUUID(), UUID.randomUUID(), text, recent, duplicates);
    }
}
