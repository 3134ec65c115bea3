package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** A newly published procedure became a lead in the supplier organization's CRM, routed to its owner if any. Journaled in the organization's CRM stream. */
public record LeadCreated(UUID organization, UUID deal, UUID procedure, String title, @Nullable UUID owner, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "CRM_LEAD_CREATED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("deal", deal.toString());
        details.put("procedure", procedure.toString());
        if (owner != null) {
            details.put("owner", owner.toString());
        }
        return details;
    }
}
