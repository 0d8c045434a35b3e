package com.swanstudios.social.comment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment on a post, or a reply to one; its rules are {@link CommentRules}, its schema V6__engagement.sql. */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(name = "parent_id")
    public UUID parentId;

    /** Null on a tombstone. */
    @Column(name = "author_id")
    public UUID authorId;

    @Column(nullable = false)
    public short depth;

    /** Null on a tombstone. */
    public String content;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    boolean deleted() {
        return deletedAt != null;
    }
}
