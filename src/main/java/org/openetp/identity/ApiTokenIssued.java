package org.openetp.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the user's audit stream. */
public record ApiTokenIssued(UserId user, UUID token, String name, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "API_TOKEN_ISSUED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("token", token.toString(), "name", name);
    }
}
