package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.security.SecurityView;

/**
 * A bid as its bidder sees it at any time, or as the buyer and committee see it after opening. Other bidders are
 * named by {@code participant} only. {@code signer} is the subject of the certificate that signed it, if any;
 * {@code security} the deposit or guarantee it provided; {@code contractStatus} the winner's answer to the award
 * (PENDING, SIGNED or REFUSED); {@code reliability} the bidder's delivery record on earlier contracts (SPEC §5.7).
 */
public record BidView(BidId id, LotId lotId, @Nullable UUID organizationId, String participant, BidStatus status,
        @Nullable BigDecimal price, String currency, Map<String, String> proposal, Instant submittedAt,
        boolean needsReconfirmation, @Nullable BigDecimal score, @Nullable Integer rank,
        @Nullable String rejectionReason, @Nullable String signer, @Nullable SecurityView security,
        @Nullable String contractStatus, @Nullable Reliability reliability) {
}
