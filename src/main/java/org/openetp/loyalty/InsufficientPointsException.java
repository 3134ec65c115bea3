package org.openetp.loyalty;

import java.math.BigDecimal;
import org.openetp.shared.RuleViolationException;

/**
 * A redemption the available balance does not cover: 409 {@code loyalty.insufficient} with the shortfall (in points,
 * or in the program's currency for cashback).
 */
public class InsufficientPointsException extends RuleViolationException {

    /** The problem code the API answers, whatever the unit. */
    public static final String CODE = "loyalty.insufficient";

    private final BigDecimal shortfall;

    public InsufficientPointsException(BigDecimal shortfall) {
        this(Unit.POINTS, shortfall);
    }

    public InsufficientPointsException(Unit unit, BigDecimal shortfall) {
        super(unit == Unit.CREDIT ? CODE + ".credit" : CODE, shortfall.stripTrailingZeros().toPlainString());
        this.shortfall = shortfall;
    }

    public BigDecimal shortfall() {
        return shortfall;
    }
}
