package org.openetp.procurement.catalogue;

import java.util.List;

/**
 * How the matches of a search spread over the top-level categories (classifier sections), the delivery regions and
 * the procedure kinds, most frequent first. Counting stops at {@link Catalogue#COUNT_CAP} matches, like the total:
 * past it ({@code exact} false) the counts are those of the first matches the index gave, a sample of the whole.
 */
public record Facets(List<Count> categories, List<Count> regions, List<Count> kinds, boolean exact) {

    /** A value of the facet and how many matches have it. */
    public record Count(String value, long count) {
    }
}
