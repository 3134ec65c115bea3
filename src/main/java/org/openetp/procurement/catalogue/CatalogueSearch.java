package org.openetp.procurement.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue query exactly as a client sent it (API.md {@code GET /api/v1/procedures}); {@link Catalogue#search}
 * validates every field and names the bad ones. Lists hold alternatives: any of the categories, any of the regions.
 * {@code cursor} is the {@code next} of a previous page of the same search (keyset paging, instead of {@code page});
 * {@code facets=true} adds the counts by top-level category, region and kind.
 */
public record CatalogueSearch(@Nullable String q, @Nullable List<String> category, @Nullable List<String> region,
        @Nullable List<String> kind, @Nullable List<String> status, @Nullable String currency,
        @Nullable String priceFrom, @Nullable String priceTo, @Nullable String deadlineFrom,
        @Nullable String deadlineTo, @Nullable String sort, @Nullable String page, @Nullable String size,
        @Nullable String cursor, @Nullable String facets) {

    /** The first page of everything public, newest first. */
    public static CatalogueSearch everything() {
        return new CatalogueSearch(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
