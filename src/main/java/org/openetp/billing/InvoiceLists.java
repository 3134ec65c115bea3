package org.openetp.billing;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.persistence.InvoiceRows;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices tables: a member sees the invoices of their organizations (as on an invoice's own page), the operator
 * every invoice; the same rule for the page and the export.
 */
@Service
public class InvoiceLists {

    private final InvoiceRows rows;
    private final Organizations organizations;

    InvoiceLists(InvoiceRows rows, Organizations organizations) {
        this.rows = rows;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public TableSlice<InvoiceRow> page(CurrentUser user, TableQuery query) {
        Set<UUID> payers = payers(user);
        return payers != null && payers.isEmpty() ? TableSlice.empty() : rows.page(payers, query);
    }

    @Transactional(readOnly = true)
    public void all(CurrentUser user, TableQuery query, Consumer<InvoiceRow> sink) {
        Set<UUID> payers = payers(user);
        if (payers == null || !payers.isEmpty()) {
            rows.stream(payers, query.all(), sink);
        }
    }

    private @Nullable Set<UUID> payers(CurrentUser user) {
        if (user.operator()) {
            return null;
        }
        Set<UUID> result = new HashSet<>();
        organizations.membershipsOf(user.id()).forEach(m -> result.add(m.organization().value()));
        return result;
    }
}
