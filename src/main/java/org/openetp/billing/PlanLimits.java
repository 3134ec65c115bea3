package org.openetp.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a tariff plan allows: the procedure families, and the highest lot start price in the plan's currency
 * ({@code null}: any price in any currency).
 */
public record PlanLimits(ProcedureFamilies families, @Nullable BigDecimal maxLotStartPrice) {

    /**
     * Whether a bid on the lot is within these limits. A price cap is stated in the plan's currency, and lots are
     * not converted between currencies, so a lot in another currency needs a plan without a cap.
     */
    public boolean allow(Participation participation, String planCurrency) {
        if (!families.cover(participation.auction())) {
            return false;
        }
        if (maxLotStartPrice == null) {
            return true;
        }
        return planCurrency.equals(participation.currency())
                && participation.lotStartPrice().compareTo(maxLotStartPrice) <= 0;
    }
}
