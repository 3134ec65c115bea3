package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The round passed its deadline: improved prices are in force and the re-bidding protocol is published. Journaled in the procedure's audit stream. */
public record RebiddingClosed(ProcedureId procedure, LotId lot, int improved, String protocolSha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "REBIDDING_CLOSED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "improved", String.valueOf(improved), "protocol", protocolSha256);
    }
}
