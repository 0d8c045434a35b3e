package com.swanstudios.community.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's answer to an event and, for going, their place: confirmed, or where they wait. */
@Schema(name = "Attendance")
public record AttendanceView(
        @Schema(enumeration = {"going", "interested", "not_going"}) String answer,
        @Schema(nullable = true, enumeration = {"confirmed", "waitlisted"},
                description = "For going only: confirmed within the capacity, or on the waiting list") String status,
        @Schema(nullable = true, description = "On the waiting list: 1 is next to be confirmed when a place frees up")
        Long position) {
}
