package org.openetp.procurement.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureStatus;

/**
 * A procedure as the catalogue lists it: enough to choose it, with its lots' price span in the procedure's
 * currency, their categories and delivery regions.
 */
public record CatalogueItem(ProcedureId id, UUID organizationId, ProcedureKind kind, ProcedureStatus status,
        String title, String currency, BigDecimal minStartPrice, BigDecimal maxStartPrice, int lotCount,
        List<String> categoryCodes, List<String> regions, Instant submissionDeadline, Instant publishedAt) {
}
