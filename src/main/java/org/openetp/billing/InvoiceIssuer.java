package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.persistence.BillingStore;
import org.openetp.billing.persistence.StoredInvoice;
import org.openetp.organization.OrganizationView;
import org.openetp.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Issues invoices, for a plan or a top-up alike: the next number of the year, and both parties' requisites copied
 * in as they are now (the seller's bank and account are the payment instructions; {@code openetp.billing.*}).
 */
@Component
class InvoiceIssuer {

    private final BillingStore store;
    private final BillingProperties properties;

    InvoiceIssuer(BillingStore store, BillingProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * Stores a new invoice; {@code reference} makes the payment reference from the invoice number: what the payer
     * writes in the transfer, so that the operator can match a bank statement line to it.
     */
    StoredInvoice issue(OrganizationView buyer, @Nullable UUID subscriptionId, String purpose, Money amount,
            Function<String, String> reference, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        String number = "%d-%06d".formatted(year, store.nextInvoiceNumber(year));
        InvoiceView.Party seller = new InvoiceView.Party(properties.platformName(), properties.platformTaxId(), null,
                null, properties.platformAddress(), properties.platformBank(), properties.platformAccount());
        InvoiceView.Party buyerParty = new InvoiceView.Party(buyer.fullName(), buyer.taxId(), buyer.kpp(),
                buyer.ogrn(), buyer.legalAddress(), null, null);
        StoredInvoice invoice = new StoredInvoice(UUID.randomUUID(), number, subscriptionId, buyer.id().value(), now,
                seller, buyerParty, amount.amount().setScale(Money.MAX_SCALE), amount.currency(),
                reference.apply(number), "ISSUED", null, purpose);
        store.insertInvoice(invoice);
        return invoice;
    }
}
