package org.openetp.ledger;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;

/**
 * A part a module that moves money through the ledger adds to the member's money page (billing adds the top-up
 * action and the invoices to pay). The ledger cannot call those modules (they depend on it), so they contribute
 * here: a Spring bean of this type is shown on {@code /money} after the balances, in bean order.
 */
public interface MoneyPageSection {

    /** The Thymeleaf template holding a fragment {@code section(content)}, e.g. {@code billing/money-section}. */
    String template();

    /** What the fragment shows for the organization the page is showing (a member's own), or null for nothing. */
    @Nullable Object content(CurrentUser user, OrganizationId organization, Locale locale);
}
