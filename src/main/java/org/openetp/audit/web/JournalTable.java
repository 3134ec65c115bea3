package org.openetp.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.openetp.audit.AuditEntryRows;
import org.openetp.audit.AuditEntryView;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.stereotype.Component;

/**
 * The journal's rows as people read them, for the page and its files. The text filter matches a stream prefix (as
 * the stream links ask) or the name of an organization, procedure or user. Files are named in chunks, so a large
 * export still costs one query per kind per chunk, not per row.
 */
@Component
class JournalTable {

    private static final int CHUNK = 500;

    private final AuditEntryRows rows;
    private final JournalNames names;

    JournalTable(AuditEntryRows rows, JournalNames names) {
        this.rows = rows;
        this.names = names;
    }

    TableSlice<JournalLine> page(TableQuery query, Locale locale) {
        TableSlice<AuditEntryView> slice = rows.page(query, streams(query));
        return new TableSlice<>(names.lines(slice.rows(), locale), slice.total());
    }

    void all(TableQuery query, Locale locale, Consumer<JournalLine> sink) {
        List<AuditEntryView> chunk = new ArrayList<>(CHUNK);
        rows.all(query, streams(query), entry -> {
            chunk.add(entry);
            if (chunk.size() == CHUNK) {
                names.lines(chunk, locale).forEach(sink);
                chunk.clear();
            }
        });
        names.lines(chunk, locale).forEach(sink);
    }

    private Set<String> streams(TableQuery query) {
        return query.search() == null ? Set.of() : names.streamsNamed(query.search());
    }
}
