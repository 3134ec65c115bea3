package org.openetp.billing.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.AccountBilling;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.Ledger;
import org.openetp.ledger.MoneyPageSection;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationStatus;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.springframework.stereotype.Component;

/** Billing's part of the money page: the top-up action and the organization's invoices waiting for payment. */
@Component
class MoneySection implements MoneyPageSection {

    /** What the section shows: whether the user may ask for a top-up, and the invoices to pay. */
    record Content(UUID organizationId, boolean canTopUp, List<Payable> invoices) {
    }

    private final AccountBilling accountBilling;
    private final Organizations organizations;
    private final Ledger ledger;

    MoneySection(AccountBilling accountBilling, Organizations organizations, Ledger ledger) {
        this.accountBilling = accountBilling;
        this.organizations = organizations;
        this.ledger = ledger;
    }

    @Override
    public String template() {
        return "billing/money-section";
    }

    @Override
    public @Nullable Object content(CurrentUser user, OrganizationId organization, Locale locale) {
        List<Membership> memberships = organizations.membershipsOf(user.id());
        boolean canTopUp = memberships.stream().anyMatch(m -> m.organization().equals(organization)
                && m.status() == OrganizationStatus.ACCREDITED && (m.has(Role.ADMIN) || m.has(Role.SUPPLIER)));
        List<Payable> invoices = accountBilling.awaiting(user, organization, locale).stream()
                .map(i -> Payable.of(i, memberships, ledger)).toList();
        return new Content(organization.value(), canTopUp, invoices);
    }
}
