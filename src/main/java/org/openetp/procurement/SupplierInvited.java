package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer invited a supplier organization to a procedure by invitation (or to any procedure it chose to invite to). Journaled in the procedure's audit stream. */
public record SupplierInvited(ProcedureId procedure, UUID organization, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "SUPPLIER_INVITED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("organization", organization.toString());
    }
}
