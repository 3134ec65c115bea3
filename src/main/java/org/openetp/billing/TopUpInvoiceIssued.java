package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.shared.JournaledEvent;

/**
 * A top-up invoice was issued to an organization at a member's request: money to be put on its account once the
 * payment is recorded. Journaled in the organization's billing stream.
 */
public record TopUpInvoiceIssued(UUID invoice, UUID organization, String number, BigDecimal amount, String currency,
        UserId by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "billing:" + organization;
    }

    @Override
    public String action() {
        return "TOP_UP_INVOICE_ISSUED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("invoice", invoice.toString(), "number", number, "amount", amount.toPlainString(),
                "currency", currency);
    }
}
