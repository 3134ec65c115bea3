package org.openetp.billing;

import java.time.Instant;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.Money;

/**
 * An upgrade ended the plan in effect early and its unused whole days were credited to the organization's account
 * pro rata (a ledger {@code CREDIT} posting): published so the organization is told, naming the replaced plan, which
 * the posting itself only carries in its memo. The posting is already journaled; this event is not.
 */
public record UpgradeCredited(OrganizationId organization, UUID replacedSubscription, String replacedPlanCode,
        String newPlanCode, Money amount, long unusedDays, Instant occurredAt) {
}
