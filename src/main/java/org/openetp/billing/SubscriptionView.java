package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;

/**
 * A subscription as its organization and the operator see it. {@code status} is {@code AWAITING_PAYMENT},
 * {@code ACTIVE} (paid, its period not over; {@code current} tells whether the period has begun), {@code EXPIRED}
 * or {@code CANCELLED}. The plan's terms are those bought, even if the plan changed since.
 */
public record SubscriptionView(UUID id, OrganizationId organizationId, String planCode, String planName,
        BigDecimal price, String currency, int periodDays, PlanLimits limits, String status, boolean current,
        Instant requestedAt, @Nullable Instant startsAt, @Nullable Instant endsAt, UUID invoiceId, String invoiceNumber) {
}
