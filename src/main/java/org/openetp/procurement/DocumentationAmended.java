package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/**
 * The buyer published a new version of a published procedure's documentation (SPEC §5.3); the deadline may have
 * moved, and submitted bids must be re-confirmed.
 */
public record DocumentationAmended(ProcedureId procedure, int version, Instant submissionDeadline, UUID by,
        Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "DOCUMENTATION_AMENDED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("version", Integer.toString(version), "submissionDeadline", submissionDeadline.toString());
    }
}
