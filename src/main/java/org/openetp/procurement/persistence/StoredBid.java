package org.openetp.procurement.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;

/** A bid row: sealed content, and after opening its price and evaluation. */
public record StoredBid(BidId id, ProcedureId procedure, LotId lot, UUID organization, UUID submittedBy,
        String status, byte[] nonce, byte[] ciphertext, String sha256, Instant submittedAt, Instant updatedAt,
        boolean needsReconfirmation, @Nullable BigDecimal price, @Nullable String rejectionReason,
        @Nullable BigDecimal score, @Nullable Integer rank, @Nullable String contractStatus) {

    /** The bid counts: not withdrawn. */
    public boolean live() {
        return !"WITHDRAWN".equals(status);
    }
}
