package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer of competitive negotiations chose a final offer for a lot, with its reason. Journaled in the procedure's audit stream. */
public record NegotiationChoiceMade(ProcedureId procedure, LotId lot, BidId bid, UUID organization, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "NEGOTIATION_CHOICE_MADE";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString(), "organization", organization.toString(), "reason", reason);
    }
}
