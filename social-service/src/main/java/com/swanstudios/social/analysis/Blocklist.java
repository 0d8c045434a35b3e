package com.swanstudios.social.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Abusive terms and phrases (a resource file, one a line, maintained by the trust-and-safety team), found in a text
 * as whole words, whatever the case. Text and terms are both {@linkplain #normalise normalised} first, so the obvious
 * evasions match too: accents and look-alike letters ({@code ÀSSHOLE}), digits and symbols for letters inside a word
 * ({@code a$$h0le}), letters spelled out with dots, dashes or spaces ({@code k.y.s}, {@code k y s}) and stretched
 * letters ({@code assssshole}). Whole words only: a term inside a longer word ({@code Scunthorpe}) is no match.
 */
public final class Blocklist {

    /** Characters written for letters; only inside a word (so "great!" stays "great"). */
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(Map.entry('0', 'o'), Map.entry('1', 'i'),
            Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('5', 's'), Map.entry('7', 't'), Map.entry('8', 'b'),
            Map.entry('@', 'a'), Map.entry('$', 's'), Map.entry('!', 'i'), Map.entry('|', 'i'));
    private static final Pattern WORDISH = Pattern.compile("[\\p{L}\\p{N}@$!|]+");
    private static final Pattern SPELLED_OUT = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ .\\-_*]\\p{L}){2,}(?![\\p{L}\\p{N}])");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** Each normalised term, with the term as the list writes it (what moderators read). */
    private final Map<String, String> terms;
    private final Pattern anyTerm;

    private Blocklist(Map<String, String> terms) {
        this.terms = terms;
        // longest first, so a phrase wins over a word it starts with
        String alternatives = terms.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.anyTerm = terms.isEmpty() ? null : Pattern.compile("(?<= )(?:" + alternatives + ")(?= )");
    }

    /** The terms as given (blank lines and {@code #} comments skipped). */
    public static Blocklist of(List<String> lines) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String line : lines) {
            String term = line.strip();
            if (!term.isEmpty() && !term.startsWith("#")) {
                String normalised = normalise(term).strip();
                if (!normalised.isEmpty()) {
                    terms.putIfAbsent(normalised, term);
                }
            }
        }
        return new Blocklist(terms);
    }

    /** The list in a classpath resource. */
    public static Blocklist load(String resource) {
        try (InputStream in = Blocklist.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No blocklist at classpath:" + resource + " (swan.analysis.blocklist)");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            }
            return of(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the blocklist " + resource, e);
        }
    }

    public int size() {
        return terms.size();
    }

    /** The blocklisted terms the text uses, as the list writes them, each once, in the order they first appear. */
    public Set<String> termsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (anyTerm == null || text == null) {
            return found;
        }
        Matcher matcher = anyTerm.matcher(normalise(text));
        while (matcher.find()) {
            found.add(terms.get(matcher.group()));
        }
        return found;
    }

    /**
     * The text as terms are compared: without accents, lower case, look-alikes inside words read as letters,
     * spelled-out letters joined, every run of other characters one space, repeated letters once, and a space at
     * either end (so a whole word is " word ").
     */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder read = new StringBuilder(plain.length());
        Matcher words = WORDISH.matcher(plain);
        int last = 0;
        while (words.find()) {
            read.append(plain, last, words.start()).append(lookalikes(words.group()));
            last = words.end();
        }
        read.append(plain.substring(last));
        String joined = SPELLED_OUT.matcher(read).replaceAll(m -> m.group().replaceAll("[^\\p{L}]", ""));
        String spaced = joined.replaceAll("[^\\p{L}\\p{N}]+", " ").replaceAll("(\\p{L})\\1+", "$1");
        return " " + spaced.strip() + " ";
    }

    /** In a word that has a letter, a look-alike is its letter unless it ends the word (trailing "!" is punctuation). */
    private static String lookalikes(String word) {
        if (!LETTER.matcher(word).find()) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            Character letter = LOOKALIKES.get(c);
            boolean symbol = !Character.isLetterOrDigit(c);
            out.append(letter == null || symbol && i == word.length() - 1 ? c : letter.charValue());
        }
        return out.toString();
    }
}
