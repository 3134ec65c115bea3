package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record ProcedureCancelled(ProcedureId procedure, UUID by, String reason, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "PROCEDURE_CANCELLED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason);
    }
}
