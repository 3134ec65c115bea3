package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A lot was awarded to an alternative offer rather than to a main bid. Journaled in the procedure's audit stream. */
public record AlternativeAwarded(ProcedureId procedure, LotId lot, UUID alternative, BidId bid, java.math.BigDecimal price, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "ALTERNATIVE_AWARDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "alternative", alternative.toString(), "bid", bid.toString(), "price", price.toPlainString());
    }
}
