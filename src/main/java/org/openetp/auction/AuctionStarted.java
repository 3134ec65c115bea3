package org.openetp.auction;

import java.time.Instant;
import java.util.Map;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.JournaledEvent;

/** A lot's live auction started; journaled in the auction's own audit stream. */
public record AuctionStarted(ProcedureId procedure, LotId lot, int participants, Instant occurredAt)
        implements JournaledEvent {

    @Override
    public String stream() {
        return "auction:" + lot;
    }

    @Override
    public String action() {
        return "AUCTION_STARTED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("procedure", procedure.toString(), "participants", Integer.toString(participants));
    }
}
