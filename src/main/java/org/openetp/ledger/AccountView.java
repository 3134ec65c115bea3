package org.openetp.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An organization's money in one currency: {@code available} may be spent or blocked, {@code blocked} holds bid
 * deposits, and {@code balance} is both together.
 */
public record AccountView(UUID organizationId, String currency, BigDecimal balance, BigDecimal blocked,
        BigDecimal available) {
}
