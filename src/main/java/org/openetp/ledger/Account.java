package org.openetp.ledger;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;

/** A ledger account: an organization's available or blocked money, or the platform's bank or revenue account. */
record Account(@Nullable OrganizationId organization, String currency, Kind kind) {

    enum Kind {
        AVAILABLE, BLOCKED, BANK, REVENUE
    }

    static Account available(OrganizationId organization, String currency) {
        return new Account(organization, currency, Kind.AVAILABLE);
    }

    static Account blocked(OrganizationId organization, String currency) {
        return new Account(organization, currency, Kind.BLOCKED);
    }

    static Account bank(String currency) {
        return new Account(null, currency, Kind.BANK);
    }

    static Account revenue(String currency) {
        return new Account(null, currency, Kind.REVENUE);
    }

    /** The readable name entries refer to, e.g. {@code organization:<id>:RUB:available} or {@code platform:RUB:bank}. */
    String code() {
        String owner = organization == null ? "platform" : "organization:" + organization;
        return owner + ":" + currency + ":" + kind.name().toLowerCase(Locale.ROOT);
    }
}
