package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** Managers of different channels both worked one account: the head must decide who keeps it. Journaled in the organization's CRM stream. */
public record ConflictOpened(UUID organization, UUID conflict, UUID account, String accountName, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "CRM_CONFLICT_OPENED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("conflict", conflict.toString());
        details.put("account", account.toString());
        return details;
    }
}
