package com.swanstudios.social.analysis;

import io.smallrye.mutiny.Uni;

/**
 * Scores a post or comment for moderation: 0 (nothing wrong) to 100, with the reasons a moderator reads.
 * {@link ContentReview} calls the one that {@code swan.analysis.analyser} names (by {@link #name()}), in the transaction
 * that writes the text, and sends what scores at or above {@code swan.analysis.threshold} to the moderation queue.
 * <p>
 * The built-in one ({@link BuiltInAnalyser}, {@value BuiltInAnalyser#NAME}) is deterministic: a blocklist and spam
 * signals. To plug in an external moderation model, add an {@code @ApplicationScoped} bean implementing this interface
 * whose {@code name()} is, say, {@code "moderation-model"}, and set {@code swan.analysis.analyser=moderation-model}
 * (env {@code SWAN_ANALYSIS_ANALYSER}). It runs inside a database transaction on the event loop, so it must not block:
 * call the model with a reactive client (a Quarkus REST client returning {@code Uni}), bound it with a short timeout, and
 * on failure or timeout answer what the built-in analyser says (inject it) rather than fail the member's post; keep its
 * scale (0 to 100, the threshold means the same) and name each reason's signal so moderators can tell them apart. The
 * {@link Submission} carries the author's recent activity, so a model need not query this database.
 */
public interface ContentAnalyser {

    /** How {@code swan.analysis.analyser} names this analyser; also stored with each analysis it gives. */
    String name();

    Uni<Analysis> analyse(Submission submission);
}
