package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** A manager's daily plan changed, by himself or his head, with the reason. Journaled in the organization's CRM stream. */
public record PlanAdjusted(UUID organization, UUID manager, int calls, int meetings, String contracts, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "CRM_PLAN_ADJUSTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("manager", manager.toString());
        details.put("plan", calls + "/" + meetings + "/" + contracts);
        details.put("reason", reason);
        return details;
    }
}
