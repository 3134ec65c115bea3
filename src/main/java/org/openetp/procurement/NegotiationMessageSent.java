package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A message in one supplier's private negotiation thread; the journal keeps its SHA-256, never its text. Journaled in the procedure's audit stream. */
public record NegotiationMessageSent(ProcedureId procedure, UUID supplier, UUID message, boolean fromBuyer, String sha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "NEGOTIATION_MESSAGE_SENT";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("supplier", supplier.toString(), "message", message.toString(), "fromBuyer", Boolean.toString(fromBuyer), "sha256", sha256);
    }
}
