package org.openetp.identity;

import java.time.Instant;
import java.util.Map;
import org.openetp.shared.JournaledEvent;

/** Published when a user signed in with an e-mailed one-time link; journaled in the user's audit stream. */
public record SignedInByLink(UserId user, String client, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "user:" + user;
    }

    @Override
    public String action() {
        return "SIGNED_IN_BY_LINK";
    }

    @Override
    public String actor() {
        return user.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("client", client);
    }
}
