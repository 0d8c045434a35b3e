package com.swanstudios.storefront.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an admin sends to create or replace a package. The derived fields (total sessions, total cost) are
 * not part of it: the service computes them, whatever a client sends. {@code active} only matters on
 * replace (reactivation); a new package is active.
 */
public record PackageRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @NotNull PackageType packageType,
        @Min(1) @Max(1000) Integer sessions,
        @Min(1) @Max(36) Integer months,
        @Min(1) @Max(14) Integer sessionsPerWeek,
        @NotNull @Min(value = PackageRules.MIN_PRICE_PER_SESSION_CENTS, message = "must be at least 14000 (USD 140.00)")
        @Max(10_000_000) Long pricePerSessionCents,
        @Pattern(regexp = "^USD$", message = "must be USD: the catalog is priced in US dollars") String currency,
        @NotNull @PositiveOrZero @Max(100_000) Integer displayOrder,
        Boolean active) {
}
