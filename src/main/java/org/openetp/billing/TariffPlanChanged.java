package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/**
 * The operator changed a plan (names, price, period, limits, or took it off sale). Subscriptions already requested
 * keep the terms they were bought with. Journaled in the plan's stream with the plan as it is now.
 */
public record TariffPlanChanged(TariffPlan plan, UserId operator, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "tariff:" + plan.code();
    }

    @Override
    public String action() {
        return "TARIFF_PLAN_CHANGED";
    }

    @Override
    public String actor() {
        return operator.toString();
    }

    @Override
    public Map<String, String> details() {
        return JournalDetails.of(plan);
    }
}
