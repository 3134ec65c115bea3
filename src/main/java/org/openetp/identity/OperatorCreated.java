package org.openetp.identity;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the user's audit stream. */
public record OperatorCreated(UserId user, String email, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "OPERATOR_CREATED";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("email", email);
    }
}
