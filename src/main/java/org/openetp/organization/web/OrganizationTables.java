package org.openetp.organization.web;

import java.util.List;
import org.openetp.organization.OrganizationRow;
import org.openetp.organization.OrganizationStatus;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The operator's table of every organization, under the accreditation queue and from the API. */
final class OrganizationTables {

    static final TableDefinition<OrganizationRow> ALL = new TableDefinition<>("organizations", List.of(
            Column.link("name", "table.organization.name", OrganizationRow::shortName,
                    o -> "/organizations/" + o.id().value()),
            Column.text("fullName", "table.organization.fullName", OrganizationRow::fullName),
            Column.messageKey("country", "organization.country", o -> "country." + o.country()),
            Column.text("taxId", "organization.taxId", OrganizationRow::taxId),
            Column.status("status", "table.organization.status", "status.", OrganizationRow::status),
            Column.dateTime("registered", "accreditation.registered", OrganizationRow::registeredAt)),
            "registered", false, "table.organization.search",
            List.of(ColumnFilter.of("status", "table.organization.status", "status.", OrganizationStatus.class)),
            25, "table.organization.empty");

    /**
     * The operator's organization register (/operator/organizations): the same rows, each name opening the
     * operator's card of the organization with every action on it.
     */
    static final TableDefinition<OrganizationRow> REGISTER = new TableDefinition<>("register", List.of(
            Column.link("name", "table.organization.name", OrganizationRow::shortName,
                    o -> "/operator/organizations/" + o.id().value()),
            Column.text("fullName", "table.organization.fullName", OrganizationRow::fullName),
            Column.text("taxId", "organization.taxId", OrganizationRow::taxId),
            Column.messageKey("country", "organization.country", o -> "country." + o.country()),
            Column.status("status", "table.organization.status", "status.", OrganizationRow::status),
            Column.dateTime("registered", "accreditation.registered", OrganizationRow::registeredAt)),
            "name", true, "orgregister.search",
            List.of(ColumnFilter.of("status", "table.organization.status", "status.", OrganizationStatus.class)),
            25, "orgregister.empty");

    private OrganizationTables() {
    }
}
