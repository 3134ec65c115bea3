package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer of a two-envelope tender opened the price envelopes of the technically compliant bids; those of rejected bids stay sealed for good. Journaled in the procedure's audit stream. */
public record PriceEnvelopesOpened(ProcedureId procedure, int opened, int keptSealed, String sha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "PRICE_ENVELOPES_OPENED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("opened", Integer.toString(opened), "keptSealed", Integer.toString(keptSealed), "sha256", sha256);
    }
}
