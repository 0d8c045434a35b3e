package com.swanstudios.community.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as a community's members see it, with how many go and the caller's own answer. */
@Schema(name = "Event")
public record EventView(UUID id, UUID communityId,
        @Schema(nullable = true, description = "Null once the creator's account was deleted") UUID createdBy,
        String title, String description, OffsetDateTime startsAt, OffsetDateTime endsAt,
        @Schema(nullable = true) String place,
        @Schema(nullable = true, description = "An https:// link") String link,
        int capacity,
        @Schema(enumeration = {"scheduled", "cancelled"}) String status,
        @Schema(description = "Going, within the capacity") long confirmed,
        @Schema(description = "Going, on the waiting list") long waitlisted,
        long interested,
        @Schema(nullable = true, description = "Your answer, if you gave one") AttendanceView me,
        @Schema(nullable = true) OffsetDateTime cancelledAt,
        OffsetDateTime createdAt) {

    /** How many answered what, and the caller's answer. */
    record Answers(long confirmed, long waitlisted, long interested, AttendanceView me) {

        static final Answers NONE = new Answers(0, 0, 0, null);
    }

    static EventView of(CommunityEvent e, Answers answers) {
        return new EventView(e.id, e.communityId, e.createdBy, e.title, e.description, e.startsAt, e.endsAt, e.place, e.link,
                e.capacity, e.status, answers.confirmed(), answers.waitlisted(), answers.interested(), answers.me(),
                e.cancelledAt, e.createdAt);
    }

    /** One page of a community's events, by start. */
    @Schema(name = "EventPage")
    public record Page(List<EventView> items,
            @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
    }
}
