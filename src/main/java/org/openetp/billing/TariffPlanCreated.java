package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** The operator put a new tariff plan on sale (or prepared it inactive). Journaled in the plan's stream. */
public record TariffPlanCreated(TariffPlan plan, UserId operator, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "tariff:" + plan.code();
    }

    @Override
    public String action() {
        return "TARIFF_PLAN_CREATED";
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
