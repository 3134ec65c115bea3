package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.math.BigDecimal;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the procedure's audit stream. */
public record LotAwarded(ProcedureId procedure, LotId lot, BidId bid, UUID winner, BigDecimal price, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "LOT_AWARDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString(), "winner", winner.toString(), "price", price.toPlainString());
    }
}
