package org.openetp.procurement.contracts;

import java.util.List;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The contracts table, the same on the page and from the API. */
final class ContractTables {

    static final TableDefinition<ContractRow> LIST = new TableDefinition<>("contracts", List.of(
            Column.link("subject", "contract.subject", ContractRow::subject, c -> "/contracts/" + c.id().value()),
            Column.text("buyer", "contract.buyer", ContractRow::buyer),
            Column.text("supplier", "contract.supplier", ContractRow::supplier),
            Column.amount("price", "contract.price", ContractRow::price, ContractRow::currency),
            Column.status("status", "table.contract.status", "contractState.", ContractRow::status),
            // What each side still must do, in the contract page's words; computed from the row, so not sortable.
            Column.status("stage", "contractlist.stage", "flows.contract.stage.", ContractRow::stage).unsortable(),
            Column.dateTime("created", "table.contract.created", ContractRow::createdAt)),
            "created", false, "table.contract.search",
            List.of(ColumnFilter.of("status", "table.contract.status", "contractState.", Contract.Status.class)),
            25, "table.contract.empty");

    private ContractTables() {
    }
}
