package org.openetp.billing.web;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.InvoiceView;
import org.openetp.ledger.Ledger;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Role;

/**
 * An invoice as the money and invoice pages offer it: whether the user may pay it from the balance now (an issued
 * tariff invoice, an administrator, enough available), else the shortfall to top up first.
 */
record Payable(InvoiceView invoice, boolean payable, @Nullable BigDecimal shortfall) {

    static Payable of(InvoiceView invoice, List<Membership> memberships, Ledger ledger) {
        OrganizationId organization = invoice.organizationId();
        boolean admin = memberships.stream()
                .anyMatch(m -> m.organization().equals(organization) && m.has(Role.ADMIN));
        if (!admin || invoice.topUp() || !"ISSUED".equals(invoice.status())) {
            return new Payable(invoice, false, null);
        }
        BigDecimal available = ledger.account(organization, invoice.currency()).available();
        BigDecimal missing = invoice.total().subtract(available);
        return missing.signum() > 0 ? new Payable(invoice, false, missing) : new Payable(invoice, true, null);
    }
}
