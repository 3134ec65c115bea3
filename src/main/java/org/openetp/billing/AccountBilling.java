package org.openetp.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.domain.Checks;
import org.openetp.billing.persistence.BillingStore;
import org.openetp.billing.persistence.StoredInvoice;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.shared.ConflictException;
import org.openetp.shared.DecimalBounds;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Money;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organization does with its own money at billing (SPEC §4.3–4.4): asks for a top-up invoice to fund its
 * account (bid deposits, tariffs), and pays a tariff invoice from its available balance.
 */
@Service
public class AccountBilling {

    /** The currency of a top-up when none is named: the platform's. */
    public static final String DEFAULT_CURRENCY = "RUB";

    private final BillingStore store;
    private final Organizations organizations;
    private final InvoiceIssuer issuer;
    private final InvoicePayments payments;
    private final Billing billing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountBilling(BillingStore store, Organizations organizations, InvoiceIssuer issuer, InvoicePayments payments,
            Billing billing, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.issuer = issuer;
        this.payments = payments;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues a top-up invoice to an accredited organization, for its administrators and suppliers: the platform's
     * bank details are the payment instructions, the reference names the invoice and the payer. When the operator
     * records its payment (as for any invoice), the amount becomes available on the organization's account.
     */
    @Transactional
    public InvoiceView requestTopUp(CurrentUser user, TopUp command, Locale locale) {
        DecimalBounds.require(command);
        Checks checks = new Checks();
        BigDecimal amount = checks.amount("amount", command.amount());
        String currency = checks.currency("currency",
                command.currency() == null || command.currency().isBlank() ? DEFAULT_CURRENCY : command.currency());
        Money money = checks.money("amount", amount, currency);
        checks.throwIfAny();
        OrganizationId organization = member(user, command.organizationId());
        OrganizationView payer = organizations.view(user, organization);
        if (payer.status() != OrganizationStatus.ACCREDITED) {
            throw new ForbiddenException("organization.notAccredited");
        }
        Instant now = now();
        StoredInvoice invoice = issuer.issue(payer, null, StoredInvoice.TOP_UP, Objects.requireNonNull(money),
                number -> "OpenETP top-up, invoice " + number + ", payer tax id "
                        + payer.taxId(), now);
        events.publishEvent(new TopUpInvoiceIssued(invoice.id(), organization, invoice.number(),
                invoice.money(), user.id(), now));
        return billing.view(invoice, locale);
    }

    /**
     * An administrator pays an issued tariff invoice from the organization's available balance: the plan's price is
     * charged and the plan placed as for any payment. Refused with the shortfall when too little is available
     * (nothing is charged; the ledger never goes below zero). A second request for an invoice already paid from
     * the balance (a double click) answers the first payment as a duplicate and changes nothing.
     */
    @Transactional
    public PaymentResult payFromBalance(CurrentUser user, UUID invoiceId) {
        StoredInvoice invoice = store.invoiceForUpdate(invoiceId)
                .filter(i -> user.operator() || isMember(user, i.organizationId()))
                .orElseThrow(() -> new NotFoundException("Invoice"));
        organizations.requireRole(user.id(), new OrganizationId(invoice.organizationId()), Role.ADMIN);
        if (invoice.topUp()) {
            throw new RuleViolationException("money.payFromBalance.topUp");
        }
        if ("PAID".equals(invoice.status()) && invoice.payment() != null) {
            if (InvoicePayments.BALANCE.equals(invoice.payment().channel())) {
                return billing.paidAlready(invoice);
            }
            throw new ConflictException("invoice", "billing.invoice.alreadyPaid");
        }
        if ("CANCELLED".equals(invoice.status())) {
            throw new RuleViolationException("billing.invoice.cancelled");
        }
        return payments.settle(invoice, new InvoiceView.Payment(invoice.amount(), invoice.currency(),
                "Paid from the balance, invoice " + invoice.number(), InvoicePayments.BALANCE, now()),
                user.id().toString());
    }

    /** The invoices of the organization waiting for payment, newest first, for its members; 404 for others. */
    @Transactional(readOnly = true)
    public List<InvoiceView> awaiting(CurrentUser user, OrganizationId organization, Locale locale) {
        organizations.view(user, organization);
        return store.invoicesOf(organization.value()).stream().filter(i -> "ISSUED".equals(i.status()))
                .map(i -> billing.view(i, locale)).toList();
    }

    /** The organization named (the caller must administer it or supply for it), or the caller's only one. */
    private OrganizationId member(CurrentUser user, @Nullable UUID named) {
        List<Membership> allowed = organizations.membershipsOf(user.id()).stream()
                .filter(m -> m.has(Role.ADMIN) || m.has(Role.SUPPLIER)).toList();
        if (named != null) {
            return allowed.stream().map(Membership::organization).filter(o -> o.value().equals(named)).findFirst()
                    .orElseThrow(() -> new ForbiddenException("organization.role.missing"));
        }
        if (allowed.isEmpty()) {
            throw new ForbiddenException("organization.role.missing");
        }
        if (allowed.size() > 1) {
            throw new InvalidInputException("organizationId", "billing.organization.choose");
        }
        return allowed.getFirst().organization();
    }

    private boolean isMember(CurrentUser user, UUID organization) {
        return organizations.membershipsOf(user.id()).stream()
                .anyMatch(m -> m.organization().value().equals(organization));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
