package com.swanstudios.community.event;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to change of an event: each field left out stays as it is; the result must still be an event NewEvent allows. */
@Schema(name = "EventChange", description = "The fields to change; those left out stay as they are")
public record EventChange(
        @Size(min = 1, max = EventRules.MAX_TITLE) @Pattern(regexp = EventRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true) String title,
        @Size(max = EventRules.MAX_DESCRIPTION) @Schema(nullable = true, description = "Empty to clear it") String description,
        @Schema(nullable = true) OffsetDateTime startsAt,
        @Schema(nullable = true, description = "After startsAt (at most 31 days) and in the future") OffsetDateTime endsAt,
        @Size(min = 1, max = EventRules.MAX_PLACE) @Pattern(regexp = EventRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true) String place,
        @Size(max = EventRules.MAX_LINK) @Pattern(regexp = EventRules.HTTPS, message = "must be an https:// link")
        @Schema(nullable = true) String link,
        @DecimalMin("1") @DecimalMax("10000") @Digits(integer = 5, fraction = 0, message = "must be a whole number")
        @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000", nullable = true,
                description = "Not below the number confirmed; a larger one confirms the first of the waiting list")
        BigDecimal capacity) {

    /** The event as it would be with this change, as a NewEvent, so that one set of rules checks both. */
    NewEvent appliedTo(CommunityEvent event) {
        return new NewEvent(title != null ? title : event.title, description != null ? description : event.description,
                startsAt != null ? startsAt : event.startsAt, endsAt != null ? endsAt : event.endsAt,
                place != null ? place : event.place, link != null ? link : event.link,
                capacity != null ? capacity : BigDecimal.valueOf(event.capacity));
    }
}
