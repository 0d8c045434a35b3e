package com.swanstudios.social.connection;

import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.security.Caller.Actor;
import com.swanstudios.social.user.KnownUser;
import java.util.UUID;

/**
 * The rules of connections (DOMAIN.md, Social), in one place; V4__connections.sql enforces what a database can.
 * <ul>
 * <li>No connection to oneself; one follow per direction, one friend and one trainer_client connection per pair.</li>
 * <li>Both sides must be known here and active.</li>
 * <li>A follow is accepted at once when the target's profile is public, pending otherwise; friend and trainer_client
 * requests are pending until the target accepts. trainer_client joins a trainer and a user who is not one, whichever
 * asks.</li>
 * <li>Only the target answers (accepted or declined, and may change a decline into an acceptance); either side
 * blocks; a block is lifted only by deleting it, and only by whoever blocked.</li>
 * <li>A block hides both sides from each other: the pair's other connections go when it is set, no new one is
 * made while it stands, and to each side the other is as if unknown (404).</li>
 * </ul>
 * What they count for: "followers" of X are the requesters of accepted follows of X; "friends" are the two sides of an
 * accepted friend connection, whoever asked; trainer_client grants no sight of posts. Whom a user follows and who
 * follows them are shown to everyone (not blocked) when the user's profile is public, and otherwise only to the user,
 * their accepted followers and friends, and admins: a private profile does not show its circle to strangers.
 */
public final class ConnectionRules {

    public static final String TYPES = "^(follow|friend|trainer_client)$";
    public static final String ANSWERS = "^(accepted|declined|blocked)$";
    static final String TRAINER = "trainer";
    static final String PUBLIC = "public";

    private ConnectionRules() {
    }

    /** The viewer may list the user's followers and following (see the class comment); else 403 profile-private. */
    static void requireMaySeeConnections(Actor viewer, KnownUser user, Relation relation) {
        if (PUBLIC.equals(user.profileVisibility) || viewer.admin() || viewer.id().equals(user.id) || relation.follower()
                || relation.friend()) {
            return;
        }
        throw new DomainException(403, "profile-private", "Forbidden", "The profile of user " + user.id + " is not public: "
                + "whom they follow and who follows them are shown to their accepted followers and friends");
    }

    static void requireNotSelf(UUID requester, UUID target) {
        if (requester.equals(target)) {
            throw DomainException.invalidField("targetUserId", "is you: nobody connects to themselves");
        }
    }

    static void requireMayConnect(KnownUser requester, UUID requesterId) {
        if (requester == null) {
            throw new DomainException(409, "requester-unknown", "Conflict", "Your account (" + requesterId + ") is not "
                    + "known to social-service yet: its state arrives from user-service within seconds, so try again shortly");
        }
        if (!KnownUser.ACTIVE.equals(requester.status)) {
            throw new DomainException(403, "account-inactive", "Forbidden", "A " + requester.status + " account cannot connect");
        }
    }

    static void requireConnectable(KnownUser target, UUID targetId) {
        if (target == null) {
            throw DomainException.notFound("User " + targetId);
        }
        if (!KnownUser.ACTIVE.equals(target.status)) {
            throw new DomainException(409, "target-inactive", "Conflict", "User " + targetId + " is " + target.status
                    + " and cannot be connected with");
        }
    }

    /** A trainer and one who is not a trainer, whichever of them asks. */
    static void requireTrainerAndClient(KnownUser requester, KnownUser target) {
        if (TRAINER.equals(requester.role) == TRAINER.equals(target.role)) {
            throw new DomainException(422, "trainer-client-roles", "Unprocessable Content", "A trainer_client connection "
                    + "joins a trainer and a user who is not a trainer; here " + (TRAINER.equals(target.role)
                    ? "both are trainers" : "neither is a trainer"));
        }
    }

    /** The status a new request starts in. */
    static String initialStatus(String type, KnownUser target) {
        return Connection.FOLLOW.equals(type) && PUBLIC.equals(target.profileVisibility) ? Connection.ACCEPTED
                : Connection.PENDING;
    }

    /** Whether this side may move the connection to this status (the class comment says who may what). */
    static void requireMayAnswer(Connection connection, UUID actor, String status) {
        if (Connection.BLOCKED.equals(connection.status)) {
            throw new DomainException(409, "connection-blocked", "Conflict", "This connection is blocked: whoever blocked "
                    + "lifts the block by deleting it");
        }
        if (Connection.BLOCKED.equals(status)) {
            return;
        }
        if (!connection.targetId.equals(actor)) {
            throw DomainException.forbidden("Only the user asked answers a connection request");
        }
        if (Connection.ACCEPTED.equals(connection.status) && Connection.DECLINED.equals(status)) {
            throw new DomainException(409, "connection-accepted", "Conflict", "This connection was accepted: delete it to end it");
        }
    }

    static void requireMayDelete(Connection connection, UUID actor) {
        if (Connection.BLOCKED.equals(connection.status) && !actor.equals(connection.blockedBy)) {
            throw DomainException.forbidden("Only who blocked may lift a block");
        }
    }
}
