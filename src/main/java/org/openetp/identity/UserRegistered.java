package org.openetp.identity;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the user's audit stream. */
public record UserRegistered(UserId user, String email, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "USER_REGISTERED";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("email", email);
    }
}
