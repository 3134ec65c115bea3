package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The operator accepted or rejected a bank guarantee offered as bid security; journaled in the supplier's stream. */
public record GuaranteeChecked(BidId bid, UUID supplier, boolean accepted, String reason, UUID operator,
        Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + supplier;
    }

    @Override
    public String action() {
        return accepted ? "GUARANTEE_ACCEPTED" : "GUARANTEE_REJECTED";
    }

    @Override
    public String actor() {
        return operator.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("bid", bid.toString(), "reason", reason);
    }
}
