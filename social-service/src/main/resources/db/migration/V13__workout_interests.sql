-- The public, published workouts of an exercise, newest first (whatever its case): the authors who share a member's
-- exercises, for recommendations (recommendation/RecommendationService), read without scanning every post.
create index post_public_workouts on post (lower(workout_exercise), id desc)
    where workout_exercise is not null and visibility = 'public' and moderation_status = 'published';
