package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;
import org.openetp.shared.Money;

/** An organization's administrator asked for a plan; an invoice follows. Journaled in its billing stream. */
public record SubscriptionRequested(UUID subscription, OrganizationId organization, String planCode,
        Money price, int periodDays, UserId by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "billing:" + organization;
    }

    @Override
    public String action() {
        return "SUBSCRIPTION_REQUESTED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("subscription", subscription.toString(), "plan", planCode, "price",
                JournalDetails.amount(price), "currency", price.currency(), "period", "P" + periodDays + "D");
    }
}
