package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;
import org.openetp.shared.Money;

/**
 * A payment of an invoice was recorded (SPEC §4.3), published inside the transaction that records it: the money
 * came in, for the ledger's top-up and tariff charge. {@code recordedBy} is the operator's user id, or
 * {@code payment-provider} for a provider's callback. Journaled in the organization's billing stream.
 */
public record InvoicePaid(UUID invoiceId, OrganizationId organizationId, Money amount, String reference,
        Instant paidAt, String recordedBy) implements JournaledEvent {

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
        return Map.of("invoice", invoiceId.toString(), "amount", JournalDetails.amount(amount),
                "currency", amount.currency(),
                "reference", reference);
    }
}
