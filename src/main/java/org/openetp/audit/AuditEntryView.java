package org.openetp.audit;

import java.time.Instant;
import java.util.Map;

/** One journal entry as an operator reads it. */
public record AuditEntryView(long id, String stream, String action, String actor, Instant occurredAt,
        Map<String, String> details) {

    public AuditEntryView {
        details = Map.copyOf(details);
    }
}
