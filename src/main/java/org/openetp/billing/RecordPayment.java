package org.openetp.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A payment received for an invoice: the amount and currency (must equal the invoice's) and the payer's reference. */
public record RecordPayment(@Nullable BigDecimal amount, @Nullable String currency, @Nullable String reference) {
}
