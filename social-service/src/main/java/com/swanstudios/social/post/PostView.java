package com.swanstudios.social.post;

import com.swanstudios.social.user.KnownUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post as the API shows it, with its author as this service knows them. */
@Schema(name = "Post")
public record PostView(UUID id, Author author,
        @Schema(enumeration = {"text", "image", "workout", "achievement"}) String type,
        String content,
        List<String> mediaUrls,
        @Schema(nullable = true, description = "On workout posts only") WorkoutSummary workout,
        @Schema(enumeration = {"public", "followers", "friends", "private"}) String visibility,
        @Schema(enumeration = {"published", "flagged", "hidden", "removed"},
                description = "Hidden and removed posts are shown only to their author and admins") String moderationStatus,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Until when the author may edit it") OffsetDateTime editableUntil) {

    /** Who wrote a post: what identity.user.v1 says about them ("Deleted user" once they are gone). */
    @Schema(name = "PostAuthor")
    public record Author(UUID id, @Schema(nullable = true) String username, String displayName,
            @Schema(nullable = true) String avatarUrl) {

        static Author of(UUID id, KnownUser user) {
            return user == null ? new Author(id, null, "Unknown user", null)
                    : new Author(id, user.username, user.displayName, user.avatarUrl);
        }
    }

    public static PostView of(Post post, KnownUser author) {
        return new PostView(post.id, Author.of(post.authorId, author), post.type, post.content, List.of(post.mediaUrls),
                post.workout(), post.visibility, post.moderationStatus, post.createdAt, post.updatedAt,
                PostRules.editableUntil(post));
    }
}
