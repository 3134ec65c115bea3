package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer accepted or rejected (with a reason) a qualification application or stage-1 proposal. Journaled in the procedure's audit stream. */
public record ApplicationJudged(ProcedureId procedure, String stage, UUID application, UUID organization, boolean accepted, String reason, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "APPLICATION_JUDGED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("stage", stage, "application", application.toString(), "organization", organization.toString(), "accepted", Boolean.toString(accepted), "reason", reason);
    }
}
