package com.swanstudios.social.analysis;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic analyser: the same text in the same circumstances always gets the same score, so a moderator (or
 * a test) can tell why. Its signals, each worth the points {@link AnalysisSettings} gives it:
 * <ul>
 * <li>{@code blocklist}: each distinct term of the {@link Blocklist} the text uses;</li>
 * <li>{@code links}: each distinct link beyond {@code max-links}; {@code repeated-links}: one link more than once;</li>
 * <li>{@code duplicate}: the author wrote the same text (normalised) recently;</li>
 * <li>{@code burst}: the author wrote more than {@code burst-size} posts (or comments) within {@code burst-window}.</li>
 * </ul>
 * Media URLs are pictures, not links, and count for nothing.
 */
@ApplicationScoped
public class BuiltInAnalyser implements ContentAnalyser {

    public static final String NAME = "built-in";

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"]+");

    private final AnalysisSettings settings;
    private final Blocklist blocklist;

    @Inject
    BuiltInAnalyser(AnalysisSettings settings) {
        this(settings, Blocklist.load(settings.blocklist()));
    }

    public BuiltInAnalyser(AnalysisSettings settings, Blocklist blocklist) {
        this.settings = settings;
        this.blocklist = blocklist;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Analysis> analyse(Submission submission) {
        return Uni.createFrom().item(() -> score(submission));
    }

    /** The analysis itself, synchronous: no I/O, a few regular expressions over at most a few thousand characters. */
    public Analysis score(Submission submission) {
        List<Analysis.Reason> reasons = new ArrayList<>();
        blocklist.termsIn(submission.text()).forEach(term -> reasons.add(new Analysis.Reason("blocklist",
                settings.blocklistPoints(), "blocklisted term: \"" + term + "\"")));
        links(submission.text(), reasons);
        if (submission.duplicates() > 0) {
            int points = settings.duplicatePoints() + (submission.duplicates() - 1) * settings.duplicatePoints() / 2;
            reasons.add(new Analysis.Reason("duplicate", points, "the author wrote the same text " + submission.duplicates()
                    + " time(s) before within " + human(settings.duplicateWindow())));
        }
        if (submission.recentByAuthor() > settings.burstSize()) {
            reasons.add(new Analysis.Reason("burst", settings.burstPoints(), submission.recentByAuthor() + " "
                    + submission.kind().noun() + "s by the author within " + human(settings.burstWindow()) + " (more than "
                    + settings.burstSize() + ")"));
        }
        return Analysis.of(NAME, reasons);
    }

    private void links(String text, List<Analysis.Reason> reasons) {
        Map<String, Integer> links = new LinkedHashMap<>();
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        while (matcher.find()) {
            links.merge(sameLink(matcher.group()), 1, Integer::sum);
        }
        int extra = links.size() - settings.maxLinks();
        if (extra > 0) {
            reasons.add(new Analysis.Reason("links", extra * settings.extraLinkPoints(), links.size() + " links (more than "
                    + settings.maxLinks() + ")"));
        }
        links.entrySet().stream().filter(link -> link.getValue() > 1).findFirst().ifPresent(link -> reasons.add(
                new Analysis.Reason("repeated-links", settings.repeatedLinkPoints(), "the link " + link.getKey() + " "
                        + link.getValue() + " times")));
    }

    /** A link as compared: without scheme, "www.", case or the punctuation that ends a sentence. */
    private static String sameLink(String link) {
        return link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                .replaceAll("[.,;:!?)\\]}'\"]+$", "").replaceAll("/+$", "");
    }

    private static String human(java.time.Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 != 0 || minutes < 60 ? minutes + " minutes" : minutes / 60 + " hours";
    }
}
