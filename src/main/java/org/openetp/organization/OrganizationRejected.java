package org.openetp.organization;

import java.time.Instant;
import java.util.Map;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** Published when it happened; journaled in the organization's audit stream. */
public record OrganizationRejected(OrganizationId organization, UserId operator, String reason, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "organization:" + organization;
    }

    @Override
    public String action() {
        return "ORGANIZATION_REJECTED";
    }

    @Override
    public String actor() {
        return operator.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason);
    }
}
