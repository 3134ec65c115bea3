package org.openetp.ledger;

import java.math.BigDecimal;
import org.openetp.organization.OrganizationId;

/**
 * An organization's money in one currency: {@code available} may be spent or blocked, {@code blocked} holds bid
 * deposits, and {@code balance} is both together.
 */
public record AccountView(OrganizationId organizationId, String currency, BigDecimal balance, BigDecimal blocked,
        BigDecimal available) {
}
