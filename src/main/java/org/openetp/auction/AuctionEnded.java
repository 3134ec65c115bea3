package org.openetp.auction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.JournaledEvent;

/**
 * A lot's live auction ended. The journal entry carries the head of the auction's own hash chain, which commits to
 * every bid of the auction: the journal anchors the log without an entry per bid on the hot path.
 */
public record AuctionEnded(ProcedureId procedure, LotId lot, @Nullable String winner, @Nullable BigDecimal price,
        long entries, String logHead, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "auction:" + lot;
    }

    @Override
    public String action() {
        return "AUCTION_ENDED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("procedure", procedure.toString());
        details.put("winner", winner == null ? "" : winner);
        details.put("price", price == null ? "" : price.toPlainString());
        details.put("entries", Long.toString(entries));
        details.put("logHead", logHead);
        return details;
    }
}
