package org.openetp.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A free participation rule (SPEC §4.2): lots of buyers of the industry with a start price up to {@code maxPrice}
 * in {@code currency} need no tariff plan.
 */
public record FreeParticipationRule(UUID id, String industry, BigDecimal maxPrice, String currency) {

    /** Whether the lot is free under this rule: same industry (ignoring case), same currency, at most the ceiling. */
    public boolean covers(Participation participation) {
        @Nullable String industry = participation.buyerIndustry();
        return industry != null && industry.strip().equalsIgnoreCase(this.industry)
                && currency.equals(participation.currency())
                && participation.lotStartPrice().compareTo(maxPrice) <= 0;
    }
}
