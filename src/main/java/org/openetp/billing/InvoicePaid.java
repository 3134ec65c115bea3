package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.shared.JournaledEvent;

/**
 * A payment of an invoice was recorded (SPEC §4.3), published inside the transaction that records it: the money
 * came in, for the ledger's top-up and tariff charge. {@code recordedBy} is the operator's user id, or
 * {@code payment-provider} for a provider's callback. Journaled in the organization's billing stream.
 */
public record InvoicePaid(UUID invoiceId, UUID organizationId, BigDecimal amount, String currency, String reference,
        Instant paidAt, String recordedBy) implements JournaledEvent {

    /** The payment without saying who recorded it (the journal then names the system). */
    public InvoicePaid(UUID invoiceId, UUID organizationId, BigDecimal amount, String currency, String reference,
            Instant paidAt) {
        this(invoiceId, organizationId, amount, currency, reference, paidAt, "system");
    }

    @Override
    public String stream() {
        return "billing:" + organizationId;
    }

    @Override
    public String action() {
        return "PAYMENT_RECORDED";
    }

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return paidAt;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("invoice", invoiceId.toString(), "amount", amount.toPlainString(), "currency", currency,
                "reference", reference);
    }
}
