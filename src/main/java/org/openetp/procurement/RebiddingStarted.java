package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer started the re-bidding round of a lot. Journaled in the procedure's audit stream. */
public record RebiddingStarted(ProcedureId procedure, LotId lot, Instant deadline, int admitted, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "REBIDDING_STARTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "deadline", deadline.toString(), "admitted", String.valueOf(admitted));
    }
}
