package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A framework lot was awarded: its suppliers, best ranked first. Journaled in the procedure's audit stream. */
public record FrameworkConcluded(ProcedureId procedure, LotId lot, java.util.List<UUID> suppliers, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "FRAMEWORK_CONCLUDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "suppliers", suppliers.toString());
    }
}
