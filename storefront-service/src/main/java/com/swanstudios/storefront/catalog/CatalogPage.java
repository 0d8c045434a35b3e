package com.swanstudios.storefront.catalog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the listing: {@code nextCursor} is null on the last page. */
public record CatalogPage(List<PackageView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
