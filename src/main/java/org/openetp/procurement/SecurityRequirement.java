package org.openetp.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A lot's bid security (SPEC §4.5): a percent of the start price or a fixed amount, in the procedure's currency. A
 * supplier provides it as a deposit blocked on its account or as a bank guarantee the operator checks.
 */
public record SecurityRequirement(Kind kind, BigDecimal value) {

    public enum Kind { PERCENT, FIXED }

    /**
     * The amount to provide for a lot of this start price, rounded half-up to the currency's minor unit (kopecks,
     * satang; whole yen), the precision the ledger keeps.
     */
    public BigDecimal amountFor(BigDecimal startPrice, String currency) {
        int digits = Math.max(0, Math.min(2, Currency.getInstance(currency).getDefaultFractionDigits()));
        return kind == Kind.FIXED ? value.setScale(digits, RoundingMode.HALF_UP)
                : startPrice.multiply(value).divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_UP);
    }
}
