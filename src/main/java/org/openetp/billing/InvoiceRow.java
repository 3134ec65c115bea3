package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invoice as one row of the invoices tables: number, customer, issued, amount, status, when it was paid. */
public record InvoiceRow(UUID id, String number, String customer, Instant issuedAt, BigDecimal amount,
        String currency, String status, @Nullable Instant paidAt) {
}
