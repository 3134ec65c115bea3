package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/** An organization's administrator asked for a plan; an invoice follows. Journaled in its billing stream. */
public record SubscriptionRequested(UUID subscription, UUID organization, String planCode, BigDecimal price,
        String currency, int periodDays, UserId by, Instant occurredAt) implements JournaledEvent {

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
        return Map.of("subscription", subscription.toString(), "plan", planCode, "price", price.toPlainString(),
                "currency", currency, "period", "P" + periodDays + "D");
    }
}
