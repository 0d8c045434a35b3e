package com.swanstudios.social.post;

import com.swanstudios.social.user.KnownUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post as the API shows it, with its author as this service knows them. */
@Schema(name = "Post")
public record PostView(UUID id, Author author,
        @Schema(enumeration = {"text", "image", "workout", "achievement", "share"}) String type,
        @Schema(nullable = true, description = "Null only on a share without a comment") String content,
        List<String> mediaUrls,
        @Schema(nullable = true, description = "On workout posts only") WorkoutSummary workout,
        @Schema(enumeration = {"public", "followers", "friends", "private"}) String visibility,
        @Schema(enumeration = {"published", "flagged", "hidden", "removed"},
                description = "Hidden and removed posts are shown only to their author and admins") String moderationStatus,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Until when the author may edit it") OffsetDateTime editableUntil,
        @Schema(nullable = true, description = "On a share: the post it shares, if you may see it (null otherwise, and "
                + "on every other type)") PostView sharedPost) {

    /** Who wrote a post: what identity.user.v1 says about them ("Deleted user" once they are gone). */
    @Schema(name = "PostAuthor")
    public record Author(UUID id, @Schema(nullable = true) String username, String displayName,
            @Schema(nullable = true) String avatarUrl) {

        public static Author of(UUID id, KnownUser user) {
            return user == null ? new Author(id, null, "Unknown user", null)
                    : new Author(id, user.username, user.displayName, user.avatarUrl);
        }
    }

    public static PostView of(Post post, KnownUser author) {
        return of(post, author, null);
    }

    /** A post with, if it is a share, the original as the reader may see it (null if they may not). */
    public static PostView of(Post post, KnownUser author, PostView sharedPost) {
        return new PostView(post.id, Author.of(post.authorId, author), post.type, post.content, List.of(post.mediaUrls),
                post.workout(), post.visibility, post.moderationStatus, post.createdAt, post.updatedAt,
                PostRules.editableUntil(post), sharedPost);
    }
}
