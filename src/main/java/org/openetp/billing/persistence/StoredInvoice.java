package org.openetp.billing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.InvoiceView;

/** An invoice row with its payment, if recorded. */
public record StoredInvoice(UUID id, String number, UUID subscriptionId, UUID organizationId, Instant issuedAt,
        InvoiceView.Party seller, InvoiceView.Party buyer, BigDecimal amount, String currency,
        String paymentReference, String status, InvoiceView.@Nullable Payment payment) {
}
