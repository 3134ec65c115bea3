package org.openetp.identity;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the user's audit stream. */
public record UserLockedOut(UserId user, Instant lockedUntil, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "USER_LOCKED_OUT";
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public Map<String, String> details() {
        return Map.of("lockedUntil", lockedUntil.toString());
    }
}
