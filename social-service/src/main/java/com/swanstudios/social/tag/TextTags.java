package com.swanstudios.social.tag;

import com.swanstudios.platform.kit.problem.DomainException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text tags, read the same way for posts and comments:
 * <ul>
 * <li>a hashtag is {@code #} and 1 to {@value #MAX_TAG_LENGTH} letters, digits or {@code _}, at least one a letter,
 * not glued to a word before it ({@code a#b}, an HTML entity {@code &#39;} tag nothing); it is kept lower-cased, so
 * {@code #LegDay} and {@code #legday} are one tag;</li>
 * <li>a mention is {@code @} and a username as user-service allows them (3 to 30 letters, digits, {@code _} or
 * {@code .}), not glued to a word before it, so an email address mentions nobody; a final {@code .} may end the
 * sentence rather than the name, so both readings are looked up;</li>
 * <li>links are skipped: a URL's {@code #fragment} or {@code @} tags nothing.</li>
 * </ul>
 * A text tags at most {@value #MAX_HASHTAGS} hashtags and {@value #MAX_MENTIONS} users; more is refused (400) rather
 * than cut, so what a reader sees tagged is what the service keeps.
 */
public final class TextTags {

    public static final int MAX_HASHTAGS = 30;
    public static final int MAX_MENTIONS = 20;
    public static final int MAX_TAG_LENGTH = 100;
    /** A tag as a path names it: with or without its {@code #}. */
    public static final String TAG = "^#?[\\p{L}\\p{N}_]{1," + MAX_TAG_LENGTH + "}$";

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final Pattern HASHTAG = Pattern.compile(
            "(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1," + MAX_TAG_LENGTH + "})(?![\\p{L}\\p{N}_])");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([A-Za-z0-9_.]{3,30})(?![A-Za-z0-9_.@])");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private TextTags() {
    }

    /** The hashtags (lower-cased) and the usernames a text names (lower-cased, each possible reading). */
    public record Found(Set<String> hashtags, Set<String> usernames, int mentions) {

        static final Found NONE = new Found(Set.of(), Set.of(), 0);
    }

    /** What the text tags; nothing for none. */
    public static Found in(String text) {
        if (text == null || text.isEmpty()) {
            return Found.NONE;
        }
        String plain = LINK.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ");
        Set<String> hashtags = new LinkedHashSet<>();
        Matcher tags = HASHTAG.matcher(plain);
        while (tags.find()) {
            if (LETTER.matcher(tags.group(1)).find()) {
                hashtags.add(tags.group(1).toLowerCase(Locale.ROOT));
            }
        }
        Set<String> handles = new LinkedHashSet<>();
        Set<String> usernames = new LinkedHashSet<>();
        Matcher mentions = MENTION.matcher(plain);
        while (mentions.find()) {
            String name = mentions.group(1).toLowerCase(Locale.ROOT);
            String withoutStop = name.replaceAll("\\.+$", "");
            handles.add(withoutStop);
            usernames.add(name);
            if (withoutStop.length() >= 3) {
                usernames.add(withoutStop);
            }
        }
        return new Found(hashtags, usernames, handles.size());
    }

    /** Refuses (400, naming the field) a text with more hashtags or mentions than one text may carry. */
    public static void requireWithinBounds(String field, String text) {
        Found found = in(text);
        if (found.hashtags().size() > MAX_HASHTAGS) {
            throw DomainException.invalidField(field, "has " + found.hashtags().size() + " hashtags: at most " + MAX_HASHTAGS);
        }
        if (found.mentions() > MAX_MENTIONS) {
            throw DomainException.invalidField(field, "mentions " + found.mentions() + " users: at most " + MAX_MENTIONS);
        }
    }

    /** A tag as a path names it ({@code LegDay}, {@code #legday}), as it is kept; 400 if it is no tag. */
    public static String tag(String named) {
        String tag = named == null ? "" : Normalizer.normalize(named, Normalizer.Form.NFKC);
        if (!tag.matches(TAG) || !LETTER.matcher(tag).find()) {
            throw DomainException.invalidField("tag", "is not a hashtag: 1 to " + MAX_TAG_LENGTH
                    + " letters, digits or '_' (at least one letter), with or without its '#'");
        }
        return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
    }
}
