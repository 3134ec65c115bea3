package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The winner of a lot signed or refused the contract; journaled in the procedure's audit stream. */
public record ContractDecided(ProcedureId procedure, LotId lot, BidId bid, UUID winner, boolean signed, UUID by,
        Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return signed ? "CONTRACT_SIGNED" : "CONTRACT_REFUSED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString(), "winner", winner.toString());
    }
}
