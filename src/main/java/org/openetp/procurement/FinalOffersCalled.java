package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer of competitive negotiations called for final offers, due at the deadline. Journaled in the procedure's audit stream. */
public record FinalOffersCalled(ProcedureId procedure, Instant deadline, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "FINAL_OFFERS_CALLED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("deadline", deadline.toString());
    }
}
