package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record BidEvaluated(ProcedureId procedure, BidId bid, boolean admitted, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "BID_EVALUATED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("bid", bid.toString(), "admitted", Boolean.toString(admitted), "reason", reason);
    }
}
