package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** A deal moved from one stage to another. Journaled in the organization's CRM stream. */
public record DealMoved(UUID organization, UUID deal, String from, String to, @Nullable String note, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "CRM_DEAL_MOVED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("deal", deal.toString());
        details.put("from", from);
        details.put("to", to);
        if (note != null) {
            details.put("note", note);
        }
        return details;
    }
}
