package org.openetp.procurement;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.persistence.ProcedureListRepository;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists of procedures as tables: sorted, filtered, paged, or streamed whole for an export. */
@Service
public class ProcedureLists {

    private final ProcedureListRepository rows;
    private final Organizations organizations;

    ProcedureLists(ProcedureListRepository rows, Organizations organizations) {
        this.rows = rows;
        this.organizations = organizations;
    }

    /** One page of the procedures of the organizations where the user is a buyer. */
    @Transactional(readOnly = true)
    public TableSlice<ProcedureRow> mine(CurrentUser user, TableQuery query) {
        Set<UUID> buyers = buyerOrganizations(user);
        return buyers.isEmpty() ? TableSlice.empty() : rows.ofBuyers(buyers, query);
    }

    /** Every procedure of those organizations matching the query, handed to {@code sink} as it is read. */
    @Transactional(readOnly = true)
    public void mine(CurrentUser user, TableQuery query, Consumer<ProcedureRow> sink) {
        Set<UUID> buyers = buyerOrganizations(user);
        if (!buyers.isEmpty()) {
            rows.streamOfBuyers(buyers, query.all(), sink);
        }
    }

    private Set<UUID> buyerOrganizations(CurrentUser user) {
        return organizations.membershipsOf(user.id()).stream().filter(m -> m.has(Role.BUYER))
                .map(Membership::organization).map(o -> o.value()).collect(Collectors.toSet());
    }
}
