package com.swanstudios.storefront.catalog;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A package as clients and consumers see it: the API's representation and the body of every
 * {@code storefront.package.v1} event (full state, with {@code version}), matching
 * {@code contracts/storefront.package.v1.schema.json}.
 */
@Schema(name = "TrainingPackage")
public record PackageView(UUID id, String name, @Schema(nullable = true) String description, PackageType packageType,
        @Schema(nullable = true) Integer sessions, @Schema(nullable = true) Integer months,
        @Schema(nullable = true) Integer sessionsPerWeek, int totalSessions, long pricePerSessionCents, long totalCostCents,
        String currency, int displayOrder, boolean active, long version) {

    static PackageView of(TrainingPackage p) {
        return new PackageView(p.id, p.name, p.description, p.packageType, p.sessions, p.months, p.sessionsPerWeek,
                p.totalSessions, p.pricePerSessionCents, p.totalCostCents, p.currency, p.displayOrder, p.active, p.version);
    }

    /** The HTTP entity tag: the version, which changes with every write. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
