package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer admitted an alternative offer or rejected it with a reason. Journaled in the procedure's audit stream. */
public record AlternativeEvaluated(ProcedureId procedure, UUID alternative, BidId bid, boolean admitted, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "ALTERNATIVE_EVALUATED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("alternative", alternative.toString(), "bid", bid.toString(), "admitted", Boolean.toString(admitted), "reason", reason);
    }
}
