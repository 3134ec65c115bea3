package org.openetp.procurement.contracts;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts table: a user sees the contracts where one of their organizations is a party, the operator every
 * contract; the same rule for the page and for the export.
 */
@Service
public class ContractLists {

    private final ContractListRepository rows;
    private final Organizations organizations;

    ContractLists(ContractListRepository rows, Organizations organizations) {
        this.rows = rows;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public TableSlice<ContractRow> page(CurrentUser user, TableQuery query) {
        Set<UUID> parties = parties(user);
        return parties != null && parties.isEmpty() ? TableSlice.empty() : rows.page(parties, query);
    }

    @Transactional(readOnly = true)
    public void all(CurrentUser user, TableQuery query, Consumer<ContractRow> sink) {
        Set<UUID> parties = parties(user);
        if (parties == null || !parties.isEmpty()) {
            rows.stream(parties, query.all(), sink);
        }
    }

    /** The organizations whose contracts the user sees; null for the operator, who sees all. */
    private @Nullable Set<UUID> parties(CurrentUser user) {
        if (user.operator()) {
            return null;
        }
        Set<UUID> result = new HashSet<>();
        organizations.membershipsOf(user.id()).forEach(m -> result.add(m.organization().value()));
        return result;
    }
}
