package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A supplier's application to a lot's live auction: its sealed bid, whose price is its initial offer (SPEC §6). */
public record AuctionApplication(LotId lot, UUID organization, BigDecimal price, Instant submittedAt) {
}
