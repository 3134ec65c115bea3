package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;

/**
 * A paid subscription holds its period: from the payment, or from the end of the organization's subscriptions
 * already paid for if later. Journaled in the organization's billing stream.
 */
public record SubscriptionActivated(UUID subscription, OrganizationId organization, String planCode, Instant startsAt,
        Instant endsAt, String by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "billing:" + organization;
    }

    @Override
    public String action() {
        return "SUBSCRIPTION_ACTIVATED";
    }

    @Override
    public String actor() {
        return by;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("subscription", subscription.toString(), "plan", planCode, "startsAt", startsAt.toString(),
                "endsAt", endsAt.toString());
    }
}
