package org.openetp.procurement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** The buyer published an answer to a clarification question (SPEC §5.4); the asker stays anonymous. */
public record QuestionAnswered(ProcedureId procedure, UUID question, UUID by, Instant occurredAt)
        implements JournaledEvent {

    @Override
    public String stream() {
        return "procedure:" + procedure;
    }

    @Override
    public String action() {
        return "QUESTION_ANSWERED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("question", question.toString());
    }
}
