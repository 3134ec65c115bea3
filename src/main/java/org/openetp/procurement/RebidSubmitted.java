package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** An admitted bidder lowered its price in the round (the price itself stays out of the journal until the round closes). Journaled in the procedure's audit stream. */
public record RebidSubmitted(ProcedureId procedure, LotId lot, BidId bid, UUID supplier, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "REBID_SUBMITTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString(), "supplier", supplier.toString());
    }
}
