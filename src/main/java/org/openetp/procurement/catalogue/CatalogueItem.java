package org.openetp.procurement.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;

/**
 * A procedure as the catalogue lists it: enough to choose it, with its lots' price span in the procedure's
 * currency, their categories and delivery regions. {@code matchedCategory} explains the match when the search words
 * named a category (in any language, by a synonym, or a typo away from one) that this procedure is filed under: its
 * procedures match whatever language they are written in.
 */
public record CatalogueItem(ProcedureId id, UUID organizationId, ProcedureKind kind, ProcedureStatus status,
        String title, String currency, BigDecimal minStartPrice, BigDecimal maxStartPrice, int lotCount,
        List<String> categoryCodes, List<String> regions, Instant submissionDeadline, Instant publishedAt,
        @Nullable String matchedCategory) {

    /** The same item, found (also) because the search named this category. */
    CatalogueItem matchedBy(String category) {
        return new CatalogueItem(id, organizationId, kind, status, title, currency, minStartPrice, maxStartPrice,
                lotCount, categoryCodes, regions, submissionDeadline, publishedAt, category);
    }
}
