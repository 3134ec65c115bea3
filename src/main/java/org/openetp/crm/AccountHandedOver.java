package org.openetp.crm;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.JournaledEvent;

/** On the first won deal an account went from its direct-sales owner to its service owner; both are told. Journaled in the organization's CRM stream. */
public record AccountHandedOver(UUID organization, UUID account, String accountName, @Nullable UUID from, UUID to, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "crm:" + organization;
    }

    @Override
    public String action() {
        return "ACCOUNT_HANDED_OVER";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        details.put("account", account.toString());
        details.put("from", String.valueOf(from));
        details.put("to", to.toString());
        return details;
    }
}
