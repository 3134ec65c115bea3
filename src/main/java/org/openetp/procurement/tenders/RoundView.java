package org.openetp.procurement.tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.BidId;
import org.openetp.procurement.LotId;

/**
 * A lot's re-bidding round as the caller may see it: the buyer sees the improved prices only once the deadline has
 * passed, a bidder only its own. {@code myPrice} is the caller's price in force (its improved one, if any).
 */
public record RoundView(LotId lotId, Instant deadline, Instant startedAt, @Nullable Instant closedAt, boolean open,
        List<Rebid> rebids, @Nullable BigDecimal myPrice, boolean canRebid) {

    /** An improved price: from {@code previous} to {@code price}. */
    public record Rebid(BidId bidId, BigDecimal previous, BigDecimal price, Instant submittedAt) {
    }
}
