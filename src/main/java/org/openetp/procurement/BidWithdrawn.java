package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record BidWithdrawn(ProcedureId procedure, LotId lot, BidId bid, UUID bidder, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "BID_WITHDRAWN";
    }

    @Override
    public String actor() {
        return bidder.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString());
    }
}
