package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer closed a step (qualification, stage 1, negotiations) by publishing its protocol to the participants. Journaled in the procedure's audit stream. */
public record StageProtocolPublished(ProcedureId procedure, String stage, String sha256, UUID by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "STAGE_PROTOCOL_PUBLISHED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("stage", stage, "sha256", sha256);
    }
}
