package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;
import org.openetp.shared.Money;

/**
 * A top-up invoice was issued to an organization at a member's request: money to be put on its account once the
 * payment is recorded. Journaled in the organization's billing stream.
 */
public record TopUpInvoiceIssued(UUID invoice, OrganizationId organization, String number, Money amount,
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
        return Map.of("invoice", invoice.toString(), "number", number, "amount",
                JournalDetails.amount(amount), "currency", amount.currency());
    }
}
