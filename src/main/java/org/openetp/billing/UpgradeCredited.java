package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An upgrade ended the plan in effect early and its unused whole days were credited to the organization's account
 * pro rata (a ledger {@code CREDIT} posting): published so the organization is told, naming the replaced plan, which
 * the posting itself only carries in its memo. The posting is already journaled; this event is not.
 */
public record UpgradeCredited(UUID organization, UUID replacedSubscription, String replacedPlanCode,
        String newPlanCode, BigDecimal amount, String currency, long unusedDays, Instant occurredAt) {
}
