package org.openetp.procurement.catalogue;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The orders the catalogue offers; each ends with the procedure id so that pages never overlap or skip a row.
 */
enum CatalogueSort {
    // The bare "rank" is the relevance column the search computes for its rows.
    RELEVANCE("rank DESC, s.published_at DESC, s.procedure_id"),
    NEWEST("s.published_at DESC, s.procedure_id"),
    DEADLINE("s.submission_deadline, s.procedure_id"),
    PRICE_ASC("s.min_price, s.procedure_id"),
    PRICE_DESC("s.max_price DESC, s.procedure_id");

    private final String orderBy;

    CatalogueSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** The ORDER BY list over the rows of {@code procedure_search s}. */
    String orderBy() {
        return orderBy;
    }

    /** The token clients use: {@code relevance}, {@code newest}, {@code deadline}, {@code price_asc}, ... */
    String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    static @Nullable CatalogueSort fromToken(String token) {
        for (CatalogueSort sort : values()) {
            if (sort.token().equals(token.strip().toLowerCase(Locale.ROOT))) {
                return sort;
            }
        }
        return null;
    }
}
