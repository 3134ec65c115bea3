package org.openetp.billing;

import java.time.Instant;
import java.util.UUID;
import org.openetp.organization.OrganizationId;

/**
 * A subscription ends soon and nothing the organization has paid for follows it; published once per subscription
 * by the daily check, for the notification of its administrators. Not journaled: nothing changed.
 */
public record SubscriptionExpiring(UUID subscription, OrganizationId organization, String planCode, Instant endsAt) {
}
