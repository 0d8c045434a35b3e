package com.swanstudios.social.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A post by a user; its rules are {@link PostRules}, its schema V3__posts.sql. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    public static final String PUBLISHED = "published";
    /** Out of every feed but its author's until an admin decides: by three reports, or by content analysis. */
    public static final String FLAGGED = "flagged";
    public static final String PRIVATE = "private";
    public static final String SHARE = "share";

    @Id
    public UUID id;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String type;

    /** Null only on a share without a comment. */
    public String content;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_urls", nullable = false)
    public String[] mediaUrls;

    @Column(nullable = false)
    public String visibility;

    @Column(name = "moderation_status", nullable = false)
    public String moderationStatus;

    /** On a share: the post it shares (never itself a share). */
    @Column(name = "shared_post_id")
    public UUID sharedPostId;

    @Column(name = "workout_exercise")
    public String workoutExercise;

    @Column(name = "workout_sets")
    public Integer workoutSets;

    @Column(name = "workout_reps")
    public Integer workoutReps;

    @Column(name = "workout_duration_minutes")
    public Integer workoutDurationMinutes;

    @Column(name = "workout_calories")
    public Integer workoutCalories;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public WorkoutSummary workout() {
        return workoutExercise == null ? null
                : new WorkoutSummary(workoutExercise, workoutSets, workoutReps, workoutDurationMinutes, workoutCalories);
    }

    public void replaceWorkout(WorkoutSummary workout) {
        workoutExercise = workout == null ? null : workout.exercise();
        workoutSets = workout == null ? null : workout.sets();
        workoutReps = workout == null ? null : workout.reps();
        workoutDurationMinutes = workout == null ? null : workout.durationMinutes();
        workoutCalories = workout == null ? null : workout.calories();
    }
}
