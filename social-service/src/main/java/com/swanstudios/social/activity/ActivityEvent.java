package com.swanstudios.social.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The body of a social.activity.v1 record (contracts/social.activity.v1.schema.json): who did what to which post, as
 * ids only; never a post's or comment's text, so a consumer that shows anything reads it from social-service as its
 * reader, under the visibility, block and moderation rules.
 *
 * @param activity     what happened, the last part of the CloudEvents type: post.created, reaction.added,
 *                     comment.added, post.shared, user.mentioned
 * @param postId       the post it is about (the record's key): for a share, the original shared
 * @param postAuthorId who wrote that post
 * @param actorId      who did it: the author, reactor, commenter, sharer or mentioner
 * @param visibility   the post's audience (public, followers or friends; private posts are never announced)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityEvent(String activity, UUID postId, UUID postAuthorId, UUID actorId, String visibility,
        String postType, String reaction, UUID commentId, UUID parentCommentId, UUID shareId, UUID mentionedUserId,
        OffsetDateTime occurredAt) {
}
