package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record LotFailed(ProcedureId procedure, LotId lot, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "LOT_FAILED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString());
    }
}
