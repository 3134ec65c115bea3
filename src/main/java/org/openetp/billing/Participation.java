package org.openetp.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A supplier's intended bid as entitlement sees it: whether the procedure is an auction, the lot's start price and
 * currency, and the industry of the buyer organization (for the free participation rules), if it named one.
 */
public record Participation(boolean auction, BigDecimal lotStartPrice, String currency,
        @Nullable String buyerIndustry) {
}
