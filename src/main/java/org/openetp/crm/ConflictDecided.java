package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** The head decided which manager and channel keep a disputed account, and why. Journaled in the organization's CRM stream. */
public record ConflictDecided(UUID organization, UUID conflict, UUID account, UUID winner, String winnerChannel, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "CRM_CONFLICT_DECIDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("conflict", conflict.toString());
        details.put("account", account.toString());
        details.put("winner", winner.toString());
        details.put("channel", winnerChannel);
        details.put("reason", reason);
        return details;
    }
}
