package org.openetp.procurement.security;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The security a bid provided: its form, amount and status, and the guarantee's details when it is one. */
public record SecurityView(UUID bidId, UUID organizationId, SecurityForm form, BigDecimal amount, String currency,
        SecurityStatus status, @Nullable String bank, @Nullable String number, @Nullable LocalDate validUntil,
        @Nullable String reason) {
}
