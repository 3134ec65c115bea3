package org.openetp.procurement.catalogue;

import java.util.List;

/**
 * One page of catalogue results (API.md: {@code items}, {@code total}, {@code page}, {@code size}). Counting stops
 * at {@link Catalogue#COUNT_CAP}: past it {@code total} is the cap and {@code totalExact} is false.
 */
public record CataloguePage(List<CatalogueItem> items, long total, int page, int size, boolean totalExact) {
}
