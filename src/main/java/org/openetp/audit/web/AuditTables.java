package org.openetp.audit.web;

import java.util.List;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.TableDefinition;
import org.springframework.web.util.UriComponentsBuilder;

/** The journal table: the page at /operator/audit and its export, the same columns. */
final class AuditTables {

    static final TableDefinition<JournalLine> JOURNAL = new TableDefinition<>("audit", List.of(
            Column.number("id", "table.audit.number", JournalLine::id),
            Column.dateTime("time", "table.audit.time", JournalLine::occurredAt),
            Column.link("stream", "table.audit.stream", JournalLine::streamName, e -> UriComponentsBuilder
                    .fromPath("/operator/audit").queryParam("q", e.stream()).build().encode().toUriString()),
            Column.text("action", "audit.action", JournalLine::action),
            Column.text("actor", "audit.actor", JournalLine::actor),
            Column.facts("details", "audit.details", JournalLine::details)),
            "id", false, "audit.search", List.of(), 50, "table.audit.empty");

    private AuditTables() {
    }
}
