package com.swanstudios.community.event;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event to host in a community: somewhere (a place, an online link, or both), for up to capacity people. */
@Schema(name = "NewEvent", description = "At least one of place and link")
public record NewEvent(
        @NotNull @Size(min = 1, max = EventRules.MAX_TITLE) @Pattern(regexp = EventRules.NOT_BLANK, message = "must not be blank")
        String title,
        @Size(max = EventRules.MAX_DESCRIPTION) @Schema(nullable = true, description = "Empty when left out") String description,
        @NotNull OffsetDateTime startsAt,
        @NotNull @Schema(description = "After startsAt (at most 31 days) and in the future") OffsetDateTime endsAt,
        @Size(min = 1, max = EventRules.MAX_PLACE) @Pattern(regexp = EventRules.NOT_BLANK, message = "must not be blank")
        @Schema(nullable = true, description = "Where it happens, as people would write it") String place,
        @Size(max = EventRules.MAX_LINK) @Pattern(regexp = EventRules.HTTPS, message = "must be an https:// link")
        @Schema(nullable = true, description = "An online meeting's https:// link") String link,
        @NotNull @DecimalMin("1") @DecimalMax("10000") @Digits(integer = 5, fraction = 0, message = "must be a whole number")
        @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "10000",
                description = "How many may be confirmed as going; beyond it, going joins the waiting list") BigDecimal capacity) {

    /** Read as a decimal so that a fraction is refused (as an int, JSON reading would quietly drop it). */
    int places() {
        return capacity.intValueExact();
    }
}
