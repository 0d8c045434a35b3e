package com.swanstudios.storefront.catalog;

import java.util.List;

/** One page of the listing: {@code nextCursor} is null on the last page. */
public record CatalogPage(List<PackageView> items, String nextCursor) {
}
