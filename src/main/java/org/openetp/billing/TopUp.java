package org.openetp.billing;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member asks for a top-up invoice ({@code POST /api/v1/top-ups}): the amount and its currency (RUB when left
 * out); the organization may be left out when the caller belongs to exactly one.
 */
public record TopUp(@Nullable UUID organizationId, @Nullable BigDecimal amount, @Nullable String currency) {
}
