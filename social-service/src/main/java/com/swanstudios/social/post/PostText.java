package com.swanstudios.social.post;

import com.swanstudios.social.activity.SocialActivity;
import com.swanstudios.social.analysis.ContentReview;
import com.swanstudios.social.score.Interaction;
import com.swanstudios.social.score.InteractionScores;
import com.swanstudios.social.tag.ContentTags;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What writing a post's text (publishing it, editing it, a share's comment) sets off, in the same transaction: content
 * analysis ({@link ContentReview}, which may flag the post), its hashtags and mentions ({@link ContentTags}), and for
 * each user it newly mentions, an interaction score and, while the post is published, a social.activity.v1 mention.
 */
@ApplicationScoped
public class PostText {

    private final ContentReview review;
    private final InteractionScores scores;
    private final SocialActivity activity;

    public PostText(ContentReview review, InteractionScores scores, SocialActivity activity) {
        this.review = review;
        this.scores = scores;
        this.activity = activity;
    }

    /** The post's text is as it will be kept (the entity, persisted and flushed); its moderation status may change. */
    public Uni<List<UUID>> written(Post post) {
        return review.post(post)
                .chain(() -> ContentTags.post(post.id, post.authorId, post.content))
                .call(mentioned -> scores.record(post.authorId, Interaction.MENTION, mentioned))
                .call(mentioned -> Post.PUBLISHED.equals(post.moderationStatus)
                        ? activity.mentioned(post, null, post.authorId, mentioned) : Uni.createFrom().voidItem());
    }
}
