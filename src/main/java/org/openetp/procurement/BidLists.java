package org.openetp.procurement;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.persistence.BidListRepository;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My bids": the bids of the organizations where the user is a supplier, as a table, and their receipts. Nobody sees
 * another organization's bids here: every read is bounded by the caller's own supplier memberships.
 */
@Service
public class BidLists {

    private final BidListRepository rows;
    private final Organizations organizations;

    BidLists(BidListRepository rows, Organizations organizations) {
        this.rows = rows;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public TableSlice<MyBidRow> mine(CurrentUser user, TableQuery query) {
        Set<UUID> suppliers = supplierOrganizations(user);
        return suppliers.isEmpty() ? TableSlice.empty() : rows.ofSuppliers(suppliers, query);
    }

    /** Every bid of those organizations matching the query, handed to {@code sink} as it is read. */
    @Transactional(readOnly = true)
    public void mine(CurrentUser user, TableQuery query, Consumer<MyBidRow> sink) {
        Set<UUID> suppliers = supplierOrganizations(user);
        if (!suppliers.isEmpty()) {
            rows.streamOfSuppliers(suppliers, query.all(), sink);
        }
    }

    /** The latest receipt of one of the user's organizations' bids; empty for another organization's bid. */
    @Transactional(readOnly = true)
    public Optional<BidReceipt> receipt(CurrentUser user, BidId bid) {
        Set<UUID> suppliers = supplierOrganizations(user);
        return suppliers.isEmpty() ? Optional.empty() : rows.receipt(suppliers, bid);
    }

    private Set<UUID> supplierOrganizations(CurrentUser user) {
        return organizations.membershipsOf(user.id()).stream().filter(m -> m.has(Role.SUPPLIER))
                .map(Membership::organization).map(o -> o.value()).collect(Collectors.toSet());
    }
}
