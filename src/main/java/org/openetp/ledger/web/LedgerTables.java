package org.openetp.ledger.web;

import java.util.List;
import org.openetp.ledger.StatementLine;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.ColumnFilter;
import org.openetp.shared.table.TableDefinition;

/** The statement table of the money page; the operator's account page shows the same lines. */
final class LedgerTables {

    static TableDefinition<StatementLine> statement(String currency) {
        return new TableDefinition<>("statement", List.of(
                Column.dateTime("time", "ledger.statement.postedAt", StatementLine::postedAt),
                Column.messageKey("kind", "ledger.statement.kind", l -> "ledger.kind." + l.kind()),
                Column.text("memo", "ledger.statement.memo", StatementLine::memo),
                Column.amount("availableChange", "ledger.statement.availableChange",
                        StatementLine::availableChange, l -> currency),
                Column.amount("blockedChange", "ledger.statement.blockedChange", StatementLine::blockedChange,
                        l -> currency),
                Column.amount("availableAfter", "ledger.statement.availableAfter", StatementLine::availableAfter,
                        l -> currency),
                Column.amount("blockedAfter", "ledger.statement.blockedAfter", StatementLine::blockedAfter,
                        l -> currency)),
                "time", true, "table.statement.search",
                List.of(new ColumnFilter("kind", "ledger.statement.kind", "ledger.kind.",
                        List.of("TOP_UP", "CHARGE", "CREDIT", "BLOCK", "RELEASE", "FORFEIT"))),
                50, "table.statement.empty");
    }

    private LedgerTables() {
    }
}
