package org.openetp.billing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.PlanLimits;

/** A subscription row: the plan's terms as bought, the stored status, and the period once paid. */
public record StoredSubscription(UUID id, UUID organizationId, String planCode, Map<String, String> planNames,
        BigDecimal price, String currency, int periodDays, PlanLimits limits, String status, UUID requestedBy,
        Instant requestedAt, @Nullable Instant startsAt, @Nullable Instant endsAt) {

    public StoredSubscription {
        planNames = Map.copyOf(planNames);
    }

    /** Whether it is paid and {@code now} lies within its period. */
    public boolean inEffect(Instant now) {
        return "ACTIVE".equals(status) && startsAt != null && endsAt != null && !now.isBefore(startsAt)
                && now.isBefore(endsAt);
    }
}
