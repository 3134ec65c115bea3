package org.openetp.billing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.InvoiceView;
import org.openetp.shared.Money;

/** An invoice row with its payment, if recorded; a top-up invoice has no subscription. */
public record StoredInvoice(UUID id, String number, @Nullable UUID subscriptionId, UUID organizationId, Instant issuedAt,
        InvoiceView.Party seller, InvoiceView.Party buyer, BigDecimal amount, String currency,
        String paymentReference, String status, InvoiceView.@Nullable Payment payment, String purpose) {

    /** What an invoice is for: a tariff plan's subscription, or money put on the organization's account. */
    public static final String TARIFF = "TARIFF";
    public static final String TOP_UP = "TOP_UP";

    /** The amount owed in the invoice's currency. */
    public Money money() {
        return Money.of(amount, currency);
    }

    public boolean topUp() {
        return TOP_UP.equals(purpose);
    }
}
