package org.openetp.procurement.web;

import java.util.List;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureRow;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The procedure tables: the buyer's "My procedures", on the page and from the API, with the same columns. */
final class ProcedureTables {

    static final TableDefinition<ProcedureRow> MINE = new TableDefinition<>("procedures", List.of(
            Column.link("title", "procedure.title", ProcedureRow::title, p -> "/procedures/" + p.id().value()),
            Column.status("kind", "procedure.kind", "kind.", ProcedureRow::kind),
            Column.status("status", "procedure.status", "procedureStatus.", ProcedureRow::status),
            Column.amount("value", "table.procedure.value", ProcedureRow::value, ProcedureRow::currency),
            Column.dateTime("deadline", "procedure.deadline", ProcedureRow::submissionDeadline),
            Column.dateTime("created", "table.procedure.created", ProcedureRow::createdAt)),
            "created", false, "table.procedure.search",
            List.of(ColumnFilter.of("status", "procedure.status", "procedureStatus.", ProcedureStatus.class),
                    ColumnFilter.of("kind", "procedure.kind", "kind.", ProcedureKind.class)),
            25, "table.procedure.empty");

    private ProcedureTables() {
    }
}
