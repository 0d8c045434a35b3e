package com.swanstudios.social.post;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.connection.Relation;
import com.swanstudios.social.user.KnownUser;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of posts (DOMAIN.md, Social), in one place; V3__posts.sql CHECKs the same bounds.
 * <p>
 * Who sees a post:
 * <ul>
 * <li>its author and admins see every post, whatever its visibility and moderation status;</li>
 * <li>nobody else sees a post moderation has hidden or removed ({@code published} and {@code flagged} ones are
 * shown: a flagged post leaves feeds, not its page), nor any post of a user a block separates them from, either
 * way;</li>
 * <li>otherwise {@code public} is seen by every signed-in user, {@code followers} by accepted followers and
 * friends, {@code friends} by friends (an accepted friend connection, whoever asked), {@code private} by nobody
 * else ({@link Relation}).</li>
 * </ul>
 * To anyone who may not see it, a post does not exist (404), so its existence does not leak.
 */
public final class PostRules {

    public static final String TYPES = "^(text|image|workout|achievement)$";
    public static final String VISIBILITIES = "^(public|followers|friends|private)$";
    /** At least one character that is not white space. */
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";
    /** An absolute https URL with a host, without white space. */
    public static final String HTTPS_URL = "^https://[^\\s/?#]+([/?#]\\S*)?$";
    public static final int MAX_CONTENT = 5000;
    public static final int MAX_MEDIA = 10;
    public static final int MAX_URL = 500;
    public static final Duration EDIT_WINDOW = Duration.ofHours(24);
    /** A share's comment is at most this long. */
    public static final int MAX_SHARE_COMMENT = 2000;

    static final String IMAGE = "image";
    static final String WORKOUT = "workout";
    static final String PUBLIC = "public";
    static final String FOLLOWERS = "followers";
    static final String FRIENDS = "friends";
    /** The moderation states in which others may see a post. */
    static final Set<String> SHOWN = Set.of(Post.PUBLISHED, "flagged");

    private PostRules() {
    }

    /** Whether this caller, who stands to the author as {@code relation} says, may see this post (see the class comment). */
    static boolean visibleTo(Post post, Actor actor, Relation relation) {
        return actor.admin() || post.authorId.equals(actor.id())
                || SHOWN.contains(post.moderationStatus) && audience(relation).contains(post.visibility);
    }

    /** The visibilities of an author's posts that one who stands to them so may see (not the author, not an admin). */
    static Set<String> audience(Relation relation) {
        if (relation.blocked()) {
            return Set.of();
        }
        if (relation.friend()) {
            return Set.of(PUBLIC, FOLLOWERS, FRIENDS);
        }
        return relation.follower() ? Set.of(PUBLIC, FOLLOWERS) : Set.of(PUBLIC);
    }

    /** What a post of its type must carry: media for an image, a workout for a workout post, and no workout otherwise. */
    static void requireShapeOfType(String type, List<String> mediaUrls, WorkoutSummary workout) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (IMAGE.equals(type) && (mediaUrls == null || mediaUrls.isEmpty())) {
            errors.add(new Problem.FieldError("mediaUrls", "an image post needs at least one media URL"));
        }
        if (WORKOUT.equals(type) && workout == null) {
            errors.add(new Problem.FieldError("workout", "a workout post carries its workout"));
        }
        if (!WORKOUT.equals(type) && workout != null) {
            errors.add(new Problem.FieldError("workout", "only a workout post carries a workout"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /**
     * A share keeps its shape: its comment may change (within {@value #MAX_SHARE_COMMENT} characters), its audience
     * (its sharer's followers), media and workout never.
     */
    static void requireShareEdit(PostChange change) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (change.content() != null && change.content().length() > MAX_SHARE_COMMENT) {
            errors.add(new Problem.FieldError("content", "a share's comment is at most " + MAX_SHARE_COMMENT + " characters"));
        }
        if (change.mediaUrls() != null) {
            errors.add(new Problem.FieldError("mediaUrls", "a share carries no media"));
        }
        if (change.workout() != null) {
            errors.add(new Problem.FieldError("workout", "a share carries no workout"));
        }
        if (change.visibility() != null) {
            errors.add(new Problem.FieldError("visibility", "a share goes to its sharer's followers, no other audience"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** Only an active account with a verified email publishes what others see; one not known here yet, not yet. */
    public static void requireMayPublish(KnownUser author, UUID id) {
        if (author == null) {
            throw new DomainException(409, "author-unknown", "Conflict", "Your account (" + id + ") is not known to "
                    + "social-service yet: its state arrives from user-service within seconds, so try again shortly");
        }
        if (!KnownUser.ACTIVE.equals(author.status)) {
            throw new DomainException(403, "account-inactive", "Forbidden", "A " + author.status + " account cannot publish");
        }
        if (!author.emailVerified) {
            throw new DomainException(403, "email-unverified", "Forbidden",
                    "Verify your email address before publishing (POST /api/auth/verify-email)");
        }
    }

    /** The author edits within 24 hours of publishing; an admin at any time. */
    static void requireEditable(Post post, Actor actor, OffsetDateTime now) {
        if (!actor.admin() && now.isAfter(editableUntil(post))) {
            throw new DomainException(409, "edit-window-closed", "Conflict", "A post can be edited for "
                    + EDIT_WINDOW.toHours() + " hours after it was published; this one was published at " + post.createdAt);
        }
    }

    static OffsetDateTime editableUntil(Post post) {
        return post.createdAt.plus(EDIT_WINDOW);
    }
}
