package org.openetp.loyalty;

import java.math.BigDecimal;
import org.openetp.shared.RuleViolationException;

/** A redemption the available balance does not cover: 409 {@code loyalty.insufficient} with the shortfall. */
public class InsufficientPointsException extends RuleViolationException {

    private final BigDecimal shortfall;

    public InsufficientPointsException(BigDecimal shortfall) {
        super("loyalty.insufficient", shortfall.stripTrailingZeros().toPlainString());
        this.shortfall = shortfall;
    }

    public BigDecimal shortfall() {
        return shortfall;
    }
}
