package org.openetp.procurement.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of catalogue results (API.md: {@code items}, {@code total}, {@code page}, {@code size}). Counting stops
 * at {@link Catalogue#COUNT_CAP}: past it {@code total} is the cap and {@code totalExact} is false. {@code next} is the
 * cursor of the following page (null on the last one): sent back as {@code cursor}, it continues the list after this
 * page's last item, so that a procedure published meanwhile neither repeats nor hides an item. {@code facets} when the
 * search asked for them.
 */
public record CataloguePage(List<CatalogueItem> items, long total, int page, int size, boolean totalExact,
        @Nullable String next, @Nullable Facets facets) {
}
