package com.swanstudios.community.event;

import com.swanstudios.community.community.Community;
import com.swanstudios.community.community.CommunityRules;
import com.swanstudios.community.membership.Membership;
import com.swanstudios.platform.kit.problem.DomainException;
import com.swanstudios.platform.kit.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The rules of events (DOMAIN.md, Communities), in one place; who may host and cancel them is
 * {@link com.swanstudios.community.membership.CommunityRole#requireMayRunEvents}.
 * <ul>
 * <li>An event has a title, start and end (the end after the start, at most 31 days later, in the future), a place or
 * an https link (or both) and a capacity of 1 to {@value #MAX_CAPACITY}.</li>
 * <li>A private community's events exist only for its active members: to anyone else each is 404, so that not even
 * its existence shows (its list answers 403 members-only, as its member list does). A public community's are seen by
 * every signed-in user.</li>
 * <li>Only active members answer; nobody answers a cancelled event or one that ended. Moderators and above change an
 * open event within the same rules, but never its capacity below the number confirmed.</li>
 * <li>Going takes one of the capacity's places while one is free, else a place at the end of the waiting list; when a
 * confirmed attendee drops out (another answer, leaving the community, deletion of their account) the first on the
 * waiting list is confirmed.</li>
 * </ul>
 */
public final class EventRules {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_PLACE = 200;
    public static final int MAX_LINK = 500;
    public static final int MAX_CAPACITY = 10_000;
    public static final Duration LONGEST = Duration.ofDays(31);
    /** A host with at least a dot, no white space, no user info: the rest is {@link #requireSensible}'s. */
    public static final String HTTPS = "^https://[^\\s/?#@]+\\.[^\\s/?#@]+(?:[/?#]\\S*)?$";
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";
    static final String GOING = "going";
    static final String CONFIRMED = "confirmed";
    static final String WAITLISTED = "waitlisted";

    private EventRules() {
    }

    static void requireSensible(NewEvent event, OffsetDateTime now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!event.endsAt().isAfter(event.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        } else if (Duration.between(event.startsAt(), event.endsAt()).compareTo(LONGEST) > 0) {
            errors.add(new Problem.FieldError("endsAt", "must be at most 31 days after startsAt"));
        }
        if (!event.endsAt().isAfter(now)) {
            errors.add(new Problem.FieldError("endsAt", "must be in the future"));
        }
        if (event.place() == null && event.link() == null) {
            errors.add(new Problem.FieldError("place", "or link is needed: where does it happen?"));
        }
        if (event.link() != null && !isHttpsLink(event.link())) {
            errors.add(new Problem.FieldError("link", "must be an https:// link to a host"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /**
     * Applies a change to an open event: the result is checked as a new event would be, and the capacity may not go
     * below the {@code confirmed} (nobody loses a confirmed place; a larger capacity moves the waiting list up).
     */
    static void change(CommunityEvent event, EventChange change, long confirmed, OffsetDateTime now) {
        NewEvent changed = change.appliedTo(event);
        requireSensible(changed, now);
        if (changed.places() < confirmed) {
            throw new DomainException(409, "capacity-below-confirmed", "Conflict", confirmed + " people are confirmed as "
                    + "going: the capacity cannot go below that (a confirmed place is not taken back)");
        }
        describe(event, changed);
    }

    /** Writes what the request says of the event (checked by {@link #requireSensible}) onto it. */
    static void describe(CommunityEvent event, NewEvent request) {
        event.title = request.title().strip();
        event.description = request.description() == null ? "" : request.description();
        event.startsAt = request.startsAt();
        event.endsAt = request.endsAt();
        event.place = request.place() == null ? null : request.place().strip();
        event.link = request.link();
        event.capacity = request.places();
    }

    private static boolean isHttpsLink(String link) {
        try {
            URI uri = new URI(link);
            return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The event as this caller may see it, or 404 as if there were none. */
    static CommunityEvent requireVisible(CommunityEvent event, UUID communityId, Community community, Membership caller) {
        if (event == null || !event.communityId.equals(communityId) || community == null
                || !CommunityRules.contentVisibleTo(community, caller)) {
            throw DomainException.notFound("Event in community " + communityId);
        }
        return event;
    }

    static void requireMayAnswer(CommunityEvent event, Membership caller, OffsetDateTime now) {
        if (caller == null || !caller.isActive()) {
            throw new DomainException(403, "members-only", "Forbidden", "Only the community's members answer its events");
        }
        requireOpen(event, now);
    }

    /** Neither cancelled nor over. */
    static void requireOpen(CommunityEvent event, OffsetDateTime now) {
        if (CommunityEvent.CANCELLED.equals(event.status)) {
            throw new DomainException(409, "event-cancelled", "Conflict", "This event was cancelled at " + event.cancelledAt);
        }
        if (!event.endsAt.isAfter(now)) {
            throw new DomainException(409, "event-ended", "Conflict", "This event ended at " + event.endsAt);
        }
    }
}
