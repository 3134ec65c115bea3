package org.openetp.ledger;

import java.math.BigDecimal;
import org.openetp.shared.MoneyShortfall;
import org.openetp.shared.RuleViolationException;

/**
 * A charge or block asked for more than is available, or a release or forfeit for more than is blocked: nothing was
 * posted, and {@link #shortfall()} says how much is missing. Message keys {@code ledger.insufficient} (available)
 * and {@code ledger.insufficientBlocked} (blocked), arguments {shortfall, currency}.
 */
public class InsufficientFundsException extends RuleViolationException implements MoneyShortfall {

    private final BigDecimal shortfall;
    private final String currency;

    InsufficientFundsException(String messageKey, BigDecimal shortfall, String currency) {
        super(messageKey, shortfall.toPlainString(), currency);
        this.shortfall = shortfall;
        this.currency = currency;
    }

    /** How much more the account would need for the posting to go through. */
    @Override
    public BigDecimal shortfall() {
        return shortfall;
    }

    @Override
    public String currency() {
        return currency;
    }
}
