package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A bidder set the alternative offers beside its main bid (sealed: only their number and a digest of the sealed boxes). Journaled in the procedure's audit stream. */
public record AlternativesSubmitted(ProcedureId procedure, LotId lot, BidId bid, UUID organization, int count, String sha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "ALTERNATIVES_SUBMITTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lot", lot.toString(), "bid", bid.toString(), "count", Integer.toString(count), "sha256", sha256);
    }
}
