-- Posts. The author is a user id from identity.user.v1 (known_user), with no foreign key: the projection may
-- lag behind, and a deleted user's posts are removed by the service in the transaction that applies the deletion.

-- Media are https URLs of at most 500 characters (at most 10 per post, checked on the column).
create function post_media_urls_valid(urls text[]) returns boolean
    language sql immutable strict
    as $$ select coalesce(bool_and(char_length(u) <= 500 and u ~ '^https://[^\s/?#]+([/?#]\S*)?$'), true) from unnest(urls) as u $$;

create table post (
    id                        uuid primary key,
    author_id                 uuid         not null,
    type                      varchar(16)  not null
        check (type in ('text', 'image', 'workout', 'achievement')),
    content                   varchar(5000) not null
        check (char_length(content) between 1 and 5000 and content ~ '\S'),
    media_urls                text[]       not null default '{}'
        check (cardinality(media_urls) <= 10 and array_position(media_urls, null) is null and post_media_urls_valid(media_urls)),
    visibility                varchar(16)  not null
        check (visibility in ('public', 'followers', 'friends', 'private')),
    moderation_status         varchar(16)  not null default 'published'
        check (moderation_status in ('published', 'flagged', 'hidden', 'removed')),
    workout_exercise          varchar(100)
        check (char_length(workout_exercise) >= 1),
    workout_sets              integer check (workout_sets between 1 and 100),
    workout_reps              integer check (workout_reps between 1 and 1000),
    workout_duration_minutes  integer check (workout_duration_minutes between 1 and 1440),
    workout_calories          integer check (workout_calories between 0 and 20000),
    version                   bigint       not null default 0,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    -- an image post shows at least one picture
    constraint post_image_has_media check (type <> 'image' or cardinality(media_urls) >= 1),
    -- a workout post carries its workout (an exercise at least), and only a workout post does
    constraint post_workout_only_on_workouts check (
        case when type = 'workout' then workout_exercise is not null
             else workout_exercise is null and workout_sets is null and workout_reps is null
                  and workout_duration_minutes is null and workout_calories is null end)
);

-- A user's posts, newest first (UUIDv7 ids are time-ordered): GET /api/social/users/{id}/posts and the
-- deletion of a user's posts
create index post_author_newest on post (author_id, id desc);
