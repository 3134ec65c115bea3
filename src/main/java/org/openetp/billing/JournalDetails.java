package org.openetp.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openetp.shared.Money;

/** The journal's view of a plan: its terms, not its names. */
final class JournalDetails {

    private JournalDetails() {
    }

    static Map<String, String> of(TariffPlan plan) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("price", plan.price().toPlainString());
        details.put("currency", plan.currency());
        details.put("period", plan.period());
        details.put("families", plan.limits().families().name());
        details.put("maxLotStartPrice", plan.limits().maxLotStartPrice() == null ? "none"
                : plan.limits().maxLotStartPrice().toPlainString());
        details.put("active", Boolean.toString(plan.active()));
        return details;
    }

    /**
     * An amount as the journal has always written it: with the two decimals the invoice columns keep, whatever the
     * currency's own ({@code 1000.00} yen), so entries written before and after {@link Money} read alike.
     */
    static String amount(Money amount) {
        return amount.amount().setScale(Money.MAX_SCALE).toPlainString();
    }
}
