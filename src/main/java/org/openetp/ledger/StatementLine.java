package org.openetp.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of an organization's statement in one currency: what a posting changed and the balances right after. */
public record StatementLine(UUID postingId, Instant postedAt, String kind, String memo, BigDecimal availableChange,
        BigDecimal blockedChange, BigDecimal availableAfter, BigDecimal blockedAfter) {
}
