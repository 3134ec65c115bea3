package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;

/**
 * An alternative offer beside a main bid, as its bidder sees it at any time or the buyer's side after the opening;
 * {@code participant} names the bidder as the bids list does, {@code position} the alternative (1 to 5).
 */
public record AlternativeView(UUID id, BidId bidId, LotId lotId, String participant, int position,
        @Nullable String description, @Nullable BigDecimal price, String currency, BidStatus status,
        @Nullable BigDecimal score, @Nullable Integer rank, @Nullable String rejectionReason, Instant submittedAt) {
}
