package com.swanstudios.social.connection;

/**
 * How a viewer stands to another user, as their connections say: a block (either way) between them, an accepted
 * follow from the viewer to them, an accepted friend connection (mutual, whoever asked). A pending, declined or
 * trainer_client connection counts for none of these.
 */
public record Relation(boolean blocked, boolean follower, boolean friend) {

    public static final Relation NONE = new Relation(false, false, false);
}
