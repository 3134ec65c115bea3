package org.openetp.organization;

import java.util.function.Consumer;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.persistence.OrganizationRows;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every organization on the platform as the operator's table (page or export); the operator's alone. */
@Service
public class OrganizationLists {

    private final OrganizationRows rows;

    OrganizationLists(OrganizationRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public TableSlice<OrganizationRow> page(CurrentUser operator, TableQuery query) {
        requireOperator(operator);
        return rows.page(query);
    }

    @Transactional(readOnly = true)
    public void all(CurrentUser operator, TableQuery query, Consumer<OrganizationRow> sink) {
        requireOperator(operator);
        rows.stream(query.all(), sink);
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.operator()) {
            throw new ForbiddenException("operator.only");
        }
    }
}
