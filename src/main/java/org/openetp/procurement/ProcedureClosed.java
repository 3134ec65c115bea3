package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record ProcedureClosed(ProcedureId procedure, ProcedureStatus status, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "PROCEDURE_CLOSED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("status", status.name());
    }
}
