package org.openetp.billing;

import java.util.LinkedHashMap;
import java.util.Map;

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
}
