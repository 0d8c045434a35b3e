package com.swanstudios.cart.credits;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's balance and a page of the ledger entries behind it, newest first. */
public record CreditStatement(int balance, List<CreditEvent> entries,
        @Schema(nullable = true, description = "Pass as cursor for the next page of entries; null on the last page") String nextCursor) {
}
