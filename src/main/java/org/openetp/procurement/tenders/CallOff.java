package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ContractId;
import org.openetp.shared.Decimals;

/** A call-off under a framework agreement and the contract it became. */
public record CallOff(UUID id, UUID supplierOrganizationId, String subject, BigDecimal quantity, BigDecimal price,
        Instant createdAt, @Nullable ContractId contractId) {

    /** What the buyer orders: from which framework supplier, what, how much, at what price. */
    public record Request(@Nullable UUID supplierOrganizationId, @Nullable String subject,
            @Decimals(integer = 15, fraction = 3) @Nullable BigDecimal quantity, @Nullable BigDecimal price) {
    }
}
