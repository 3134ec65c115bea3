package org.openetp.procurement.web;

import java.util.List;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.MyBidRow;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The supplier's "My bids" table, on the page and from the API, with the same columns. */
final class BidTables {

    static final TableDefinition<MyBidRow> MINE = new TableDefinition<>("my-bids", List.of(
            Column.link("procedure", "procedure.title", MyBidRow::procedureTitle,
                    b -> "/procedures/" + b.procedureId().value()),
            Column.text("lot", "myBids.lot", MyBidRow::lot),
            Column.status("status", "myBids.status", "bidStatus.", MyBidRow::status),
            Column.status("result", "myBids.result", "bidResult.", MyBidRow::result).unsortable(),
            Column.dateTime("deadline", "procedure.deadline", MyBidRow::submissionDeadline),
            Column.dateTime("submitted", "myBids.submitted", MyBidRow::submittedAt),
            Column.link("receipt", "myBids.receipt", MyBidRow::receiptReference,
                    b -> "/bids/" + b.id().value() + "/receipt").unsortable()),
            "submitted", false, "myBids.search",
            List.of(ColumnFilter.of("status", "myBids.status", "bidStatus.", BidStatus.class)),
            25, "myBids.empty");

    private BidTables() {
    }
}
