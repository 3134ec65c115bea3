package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** A supplier submitted (or replaced) its qualification application or stage-1 proposal; the journal keeps the text's SHA-256 only. Journaled in the procedure's audit stream. */
public record ApplicationSubmitted(ProcedureId procedure, String stage, UUID application, UUID organization, String sha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "APPLICATION_SUBMITTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("stage", stage, "application", application.toString(), "organization", organization.toString(), "sha256", sha256);
    }
}
