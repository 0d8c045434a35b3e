package com.swanstudios.community.membership;

import com.swanstudios.platform.kit.problem.DomainException;
import java.util.Locale;

/**
 * The member roles of a community, lowest to highest (DOMAIN.md, Communities), and every rule about who may do
 * what to whom, in this one place; services ask it and nothing else decides.
 * <ul>
 * <li>A role is changed, or a member removed, only by someone whose role is strictly above the member's.</li>
 * <li>Nobody grants a role at or above their own; {@code owner} is never granted, only handed over by the owner
 * ({@link #requireMayTransferOwnership}), who becomes an admin.</li>
 * <li>The owner cannot be removed and does not leave: they hand ownership over first.</li>
 * <li>Requests to join are decided, and users invited, by a moderator or above; the community is edited by an admin
 * or the owner.</li>
 * <li>Events are hosted and cancelled by a moderator or above: an event speaks for the community and asks its members
 * to turn up, so it is for those who already run it.</li>
 * </ul>
 * Platform roles (an admin of the platform) grant nothing here: a community is run by its own members.
 */
public enum CommunityRole {

    MEMBER, CONTRIBUTOR, MODERATOR, ADMIN, OWNER;

    public static final String ROLES = "^(member|contributor|moderator|admin|owner)$";

    /** Higher is more: the enum's order, lowest first. */
    public int rank() {
        return ordinal();
    }

    public boolean outranks(CommunityRole other) {
        return rank() > other.rank();
    }

    public boolean atLeast(CommunityRole other) {
        return rank() >= other.rank();
    }

    /** As stored and shown: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommunityRole of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** {@code actor} changes the role of {@code target} (whose role is {@code current}) to {@code granted}. */
    public static void requireMayChangeRole(CommunityRole actor, CommunityRole current, CommunityRole granted) {
        if (granted == OWNER) {
            throw DomainException.forbidden("Ownership is never granted: the owner hands it over (PUT /api/communities/{id}/owner)");
        }
        requireOutranks(actor, current, "change the role of");
        if (!actor.outranks(granted)) {
            throw DomainException.forbidden("A " + actor.value() + " grants only roles below their own, not " + granted.value());
        }
    }

    /** {@code actor} removes another member whose role is {@code target}. */
    public static void requireMayRemove(CommunityRole actor, CommunityRole target) {
        if (target == OWNER) {
            throw new DomainException(409, "owner-stays", "Conflict", "The owner cannot be removed: they hand ownership over first");
        }
        requireOutranks(actor, target, "remove");
    }

    /** A member leaves on their own: anyone but the owner. */
    public static void requireMayLeave(CommunityRole self) {
        if (self == OWNER) {
            throw new DomainException(409, "owner-stays", "Conflict",
                    "The owner cannot leave: hand ownership over first (PUT /api/communities/{id}/owner)");
        }
    }

    /** Only the owner hands ownership over. */
    public static void requireMayTransferOwnership(CommunityRole actor) {
        if (actor != OWNER) {
            throw DomainException.forbidden("Only the owner hands ownership over");
        }
    }

    /** Accepting or rejecting requests, and inviting: a moderator or above. */
    public static void requireMayModerate(CommunityRole actor, String what) {
        requireAtLeast(actor, MODERATOR, what);
    }

    /** Hosting or cancelling an event: a moderator or above. */
    public static void requireMayRunEvents(CommunityRole actor, String what) {
        requireAtLeast(actor, MODERATOR, what);
    }

    /** Editing the community itself: an admin or the owner. */
    public static void requireMayEditCommunity(CommunityRole actor) {
        requireAtLeast(actor, ADMIN, "edit the community");
    }

    private static void requireAtLeast(CommunityRole actor, CommunityRole least, String what) {
        if (actor == null || !actor.atLeast(least)) {
            throw DomainException.forbidden("Only a " + least.value() + " or above may " + what
                    + (actor == null ? "; you are not a member" : "; you are a " + actor.value()));
        }
    }

    private static void requireOutranks(CommunityRole actor, CommunityRole target, String what) {
        if (actor == null || !actor.outranks(target)) {
            throw DomainException.forbidden("Only a member ranked above a " + target.value() + " may " + what + " them"
                    + (actor == null ? "; you are not a member" : "; you are a " + actor.value()));
        }
    }
}
