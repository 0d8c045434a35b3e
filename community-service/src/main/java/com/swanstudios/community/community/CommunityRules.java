package com.swanstudios.community.community;

import com.swanstudios.community.membership.Membership;
import com.swanstudios.platform.kit.problem.DomainException;

/**
 * The rules of a community itself (DOMAIN.md, Communities); who may do what inside it is
 * {@link com.swanstudios.community.membership.CommunityRole}.
 * <p>
 * Privacy: a community's details (name, description, category, privacy, membership type, member count, owner) are
 * seen by every signed-in user, private ones included, so that people can find a community and ask to join or be
 * invited; what happens inside a private community (its member list, its challenges and its events) is for its active
 * members only: its lists answer 403 {@code members-only} to anyone else, and one of its events answers 404, as if
 * there were none (its global challenges are the exception: seen by all).
 */
public final class CommunityRules {

    public static final String CATEGORIES = "^(strength|cardio|yoga|nutrition|weight_loss|bodybuilding|running|general)$";
    public static final String PRIVACIES = "^(public|private)$";
    public static final String MEMBERSHIP_TYPES = "^(open|approval_required|invite_only)$";
    /** At least one character that is not white space. */
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_QUERY = 80;

    private CommunityRules() {
    }

    /** Whether this caller (their membership, or null) may see what happens inside the community. */
    public static boolean contentVisibleTo(Community community, Membership caller) {
        return Community.PUBLIC.equals(community.privacy) || caller != null && caller.isActive();
    }

    public static void requireContentVisible(Community community, Membership caller) {
        if (!contentVisibleTo(community, caller)) {
            throw new DomainException(403, "members-only", "Forbidden", "Community " + community.id
                    + " is private: what happens inside it is for its members only");
        }
    }

    public static DomainException nameTaken(String name) {
        return new DomainException(409, "community-name-taken", "Conflict", "A community named \"" + name
                + "\" exists already (names are unique whatever the case)");
    }
}
