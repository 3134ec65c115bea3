package org.openetp.procurement.tenders;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a two-envelope tender's price opening stands, for its buyer: when the price envelopes were opened (null:
 * still sealed), how many bids still await the technical decision, and whether the buyer may open them now.
 */
public record PriceOpeningView(@Nullable Instant openedAt, int undecided, boolean canOpen) {
}
