package com.swanstudios.social.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.swanstudios.platform.kit.persistence.NativeRows;
import com.swanstudios.social.comment.Comment;
import com.swanstudios.social.post.Post;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Content analysis of every post with text and every comment, in the transaction that writes the text (on publishing
 * and on each edit): the configured {@link ContentAnalyser} scores it, with the author's recent activity; the score,
 * the reasons and a fingerprint of the normalised text are kept (content_analysis, V10); and at or above
 * {@code swan.analysis.threshold} it goes to the moderation queue: a published post becomes {@code flagged} (out of
 * every feed but its author's, in the queue until an admin decides, as after three reports); a comment is listed in
 * the comment queue (it stays in its thread meanwhile, as a flagged post stays on its page). A clean edit never takes
 * anything out of the queue: a moderator does.
 */
@ApplicationScoped
@Startup
public class ContentReview {

    private static final Logger LOG = Logger.getLogger(ContentReview.class);
    private static final TypeReference<List<Analysis.Reason>> REASONS = new TypeReference<>() {
    };
    private static final String POST_HISTORY = """
            select (select count(*) from post where author_id = $1 and id >= $2 and created_at >= $3),
                   (select count(*) from content_analysis where author_id = $1 and fingerprint = $4 and analysed_at >= $5
                        and id <> $6 and comment_id is null)""";
    private static final String COMMENT_HISTORY = """
            select (select count(*) from comment where author_id = $1 and id >= $2 and created_at >= $3),
                   (select count(*) from content_analysis where author_id = $1 and fingerprint = $4 and analysed_at >= $5
                        and id <> $6 and comment_id is not null)""";
    private static final String STORE = """
            insert into content_analysis (id, post_id, comment_id, author_id, fingerprint, score, reasons, analyser, analysed_at,
                flagged_at)
            values ($1, $2, $3::uuid, $4, $5, $6::int, cast($7::text as jsonb), $8, $9, $10::timestamptz)
            on conflict (id) do update set fingerprint = excluded.fingerprint, score = excluded.score, reasons = excluded.reasons,
                analyser = excluded.analyser, analysed_at = excluded.analysed_at,
                flagged_at = coalesce(excluded.flagged_at, content_analysis.flagged_at),
                reviewed_at = case when excluded.flagged_at is null then content_analysis.reviewed_at end
            returning id""";
    private static final String FORGET = "delete from content_analysis where id = $1 returning id";
    private static final String READ = """
            select id, score, reasons::text, analyser, analysed_at from content_analysis where id = any($1::uuid[])""";
    private static final String REVIEWED = """
            update content_analysis set reviewed_at = $2 where id = $1 and comment_id is not null and flagged_at is not null
                and reviewed_at is null returning id""";

    private final ContentAnalyser analyser;
    private final AnalysisSettings settings;
    private final ObjectMapper json;

    ContentReview(@Any Instance<ContentAnalyser> analysers, AnalysisSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.analyser = analysers.stream().filter(candidate -> candidate.name().equals(settings.analyser())).findFirst()
                .orElseThrow(() -> new IllegalStateException("swan.analysis.analyser=" + settings.analyser() + " names no "
                        + "ContentAnalyser; there are: " + analysers.stream().map(ContentAnalyser::name).toList()));
        LOG.infof("Content analysis by %s, threshold %d", analyser.name(), settings.threshold());
    }

    /** Whether this analysis sends its post or comment to the moderation queue. */
    public static boolean flags(Analysis analysis, AnalysisSettings settings) {
        return analysis.score() >= settings.threshold();
    }

    /** A post's text was written: analysed and kept; a published post that scores high is flagged (the entity). */
    public Uni<Analysis> post(Post post) {
        if (post.content == null) {
            return NativeRows.list(FORGET, post.id).replaceWith((Analysis) null);
        }
        return analyse(Submission.Kind.POST, POST_HISTORY, post.id, post.authorId, post.content).call(found -> {
            if (flags(found, settings) && Post.PUBLISHED.equals(post.moderationStatus)) {
                post.moderationStatus = Post.FLAGGED;
            }
            return store(post.id, post.id, null, post.authorId, post.content, found, null);
        });
    }

    /** A comment's text was written: analysed and kept; one that scores high joins the comment queue. */
    public Uni<Analysis> comment(Comment comment) {
        return analyse(Submission.Kind.COMMENT, COMMENT_HISTORY, comment.id, comment.authorId, comment.content)
                .call(found -> store(comment.id, comment.postId, comment.id, comment.authorId, comment.content, found,
                        flags(found, settings) ? now() : null));
    }

    /** Whether the comment's analysis sent it to the queue. */
    public boolean flags(Analysis analysis) {
        return flags(analysis, settings);
    }

    /** A comment's text is gone (a tombstone): so is what analysis kept of it. */
    public Uni<Void> commentCleared(UUID commentId) {
        return NativeRows.list(FORGET, commentId).replaceWithVoid();
    }

    /** An admin kept a flagged comment: it leaves the queue; whether it was in it. */
    public Uni<Boolean> commentReviewed(UUID commentId) {
        return NativeRows.list(REVIEWED, commentId, now()).map(rows -> !rows.isEmpty());
    }

    /** The analyses of these posts or comments, by id (none for those never analysed). */
    public Uni<Map<UUID, AnalysisView>> of(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeRows.list(READ, (Object) ids.toArray(UUID[]::new)).map(rows -> {
            Map<UUID, AnalysisView> views = new HashMap<>();
            for (Object[] row : rows) {
                views.put((UUID) row[0], new AnalysisView(((Number) row[1]).intValue(), reasons((String) row[2]),
                        (String) row[3], (OffsetDateTime) row[4]));
            }
            return views;
        });
    }

    private Uni<Analysis> analyse(Submission.Kind kind, String history, UUID id, UUID authorId, String text) {
        OffsetDateTime now = now();
        OffsetDateTime burstSince = now.minus(settings.burstWindow());
        return NativeRows.one(history, authorId, firstIdAt(burstSince), burstSince, fingerprint(text),
                        now.minus(settings.duplicateWindow()), id)
                .chain(row -> analyser.analyse(new Submission(kind, id, authorId, text, ((Number) row[0]).intValue(),
                        ((Number) row[1]).intValue())));
    }

    private Uni<Void> store(UUID id, UUID postId, UUID commentId, UUID authorId, String text, Analysis analysis,
            OffsetDateTime flaggedAt) {
        return NativeRows.list(STORE, id, postId, commentId, authorId, fingerprint(text), analysis.score(),
                toJson(analysis.reasons()), analysis.analyser(), now(), flaggedAt).replaceWithVoid();
    }

    /**
     * The same text once case, accents, spacing and punctuation are set aside, as a name-based UUID: what two
     * duplicates share.
     */
    static UUID fingerprint(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return UUID.nameUUIDFromBytes(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The smallest UUIDv7 of this instant: ids are time-ordered (kit Ids), so "id at or after it" reads an author's
     * recent rows as one range of the (author_id, id) index instead of all their rows.
     */
    static UUID firstIdAt(OffsetDateTime at) {
        long millis = at.toInstant().toEpochMilli();
        return new UUID(millis << 16 | 0x7000L, 0x8000000000000000L);
    }

    private String toJson(List<Analysis.Reason> reasons) {
        try {
            return json.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Reasons not serialisable", e);
        }
    }

    private List<Analysis.Reason> reasons(String stored) {
        try {
            return json.readValue(stored, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content_analysis.reasons is not a list of reasons: " + stored, e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
