package org.openetp.billing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openetp.identity.UserId;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.JournaledEvent;
import org.openetp.shared.Money;

/** An invoice was issued to an organization for a subscription. Journaled in the organization's billing stream. */
public record InvoiceIssued(UUID invoice, OrganizationId organization, UUID subscription, String number,
        String planCode, Money amount, UserId by, Instant occurredAt) implements JournaledEvent {

    @Override
    public String stream() {
        return "billing:" + organization;
    }

    @Override
    public String action() {
        return "INVOICE_ISSUED";
    }

    @Override
    public String actor() {
        return by.toString();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("invoice", invoice.toString(), "number", number, "subscription", subscription.toString(),
                "plan", planCode, "amount", JournalDetails.amount(amount),
                "currency", amount.currency());
    }
}
