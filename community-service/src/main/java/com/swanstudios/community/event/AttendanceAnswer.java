package com.swanstudios.community.event;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's answer to an event. */
@Schema(name = "AttendanceAnswer")
public record AttendanceAnswer(
        @NotNull @Pattern(regexp = "^(going|interested|not_going)$", message = "must be going, interested or not_going")
        @Schema(enumeration = {"going", "interested", "not_going"}) String answer) {
}
