package org.openetp.audit.web;

import java.util.List;
import java.util.TreeMap;
import org.openetp.audit.AuditEntryView;
import org.openetp.shared.table.Column;
import org.openetp.shared.table.TableDefinition;
import org.springframework.web.util.UriComponentsBuilder;

/** The journal table: the page at /operator/audit and its export, the same columns. */
final class AuditTables {

    static final TableDefinition<AuditEntryView> JOURNAL = new TableDefinition<>("audit", List.of(
            Column.number("id", "table.audit.number", AuditEntryView::id),
            Column.dateTime("time", "table.audit.time", AuditEntryView::occurredAt),
            Column.link("stream", "table.audit.stream", AuditEntryView::stream, e -> UriComponentsBuilder
                    .fromPath("/operator/audit").queryParam("q", e.stream()).build().encode().toUriString()),
            Column.text("action", "audit.action", AuditEntryView::action),
            Column.text("actor", "audit.actor", AuditEntryView::actor),
            Column.<AuditEntryView>text("details", "audit.details", e -> details(e)).unsortable()),
            "id", false, "audit.stream", List.of(), 50, "table.audit.empty");

    private AuditTables() {
    }

    /** The details as {@code key: value} pairs in key order, so the same entry always reads the same. */
    private static String details(AuditEntryView entry) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(entry.details()).forEach((k, v) -> text.append(text.isEmpty() ? "" : "; ").append(k)
                .append(": ").append(v));
        return text.toString();
    }
}
