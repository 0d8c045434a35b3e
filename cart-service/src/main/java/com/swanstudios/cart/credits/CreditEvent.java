package com.swanstudios.cart.credits;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One ledger entry with the balance after it: the body of a {@code commerce.credits.v1} event (its JSON Schema is
 * {@code contracts/commerce.credits.v1.schema.json}) and of a ledger line in the API.
 */
@Schema(name = "CreditEntry")
public record CreditEvent(UUID entryId, UUID userId,
        @Schema(description = "granted, spent, refunded, reversed or adjusted") String kind,
        @Schema(description = "Credits added (negative: taken)") int amount,
        @Schema(description = "The balance after this entry") int balance,
        @Schema(nullable = true, description = "The order a grant or reversal is about") UUID orderId,
        @Schema(nullable = true, description = "The training session a spend or refund is about") UUID bookingId,
        @Schema(nullable = true) String reason, OffsetDateTime occurredAt,
        @Schema(description = "The balance's version after this entry") long version) {
}
