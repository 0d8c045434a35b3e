package com.swanstudios.social.comment;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;

/**
 * The rules of comments, in one place; V6__engagement.sql CHECKs the same bounds.
 * <ul>
 * <li>A comment is on a post its author may see and that moderation has not hidden or removed; a reply is on its
 * parent's post, at most {@value #MAX_DEPTH} levels below a comment on the post (422 reply-too-deep beyond): deep
 * enough for a conversation, shallow enough to show on a phone.</li>
 * <li>Its author edits it; its author or an admin deletes it. A deleted comment with replies stays as a tombstone
 * (no author, no content), so the replies keep their thread; one without is removed.</li>
 * <li>Readers see the comments of a post they may see, oldest first, except those of a member a block separates them
 * from (either way; admins see all), and nobody replies to those.</li>
 * </ul>
 */
public final class CommentRules {

    public static final int MAX_DEPTH = 3;
    public static final int MAX_CONTENT = 2000;

    private CommentRules() {
    }

    static void requireDepthLeft(Comment parent) {
        if (parent.depth >= MAX_DEPTH) {
            throw new DomainException(422, "reply-too-deep", "Unprocessable Content", "Replies nest at most " + MAX_DEPTH
                    + " levels below a comment on the post; reply to an earlier comment of this thread instead");
        }
    }

    static void requireAuthor(Comment comment, Actor actor, String what) {
        if (!actor.id().equals(comment.authorId)) {
            throw DomainException.forbidden("Only the comment's author may " + what + " it");
        }
    }

    static void requireAuthorOrAdmin(Comment comment, Actor actor) {
        if (!actor.admin() && !actor.id().equals(comment.authorId)) {
            throw DomainException.forbidden("Only the comment's author or an admin may delete it");
        }
    }
}
