package com.swanstudios.cart.payments;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhook's answer: which event, and what it did. */
@Schema(name = "WebhookReceipt")
public record WebhookReceipt(String eventId, String type,
        @Schema(description = "paid, failed, expired, already_applied (a repeated delivery), awaiting_payment, disputed, dispute_won, "
                + "dispute_lost or ignored")
        String outcome) {
}
