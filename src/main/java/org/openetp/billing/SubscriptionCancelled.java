package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;

/** An administrator withdrew an unpaid subscription; its invoice is cancelled. Journaled in the billing stream. */
public record SubscriptionCancelled(UUID subscription, OrganizationId organization, UUID invoice, UserId by,
        Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "billing:" + organization;
    }

    @Override
    public String action() {
        return "SUBSCRIPTION_CANCELLED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("subscription", subscription.toString(), "invoice", invoice.toString());
    }
}
