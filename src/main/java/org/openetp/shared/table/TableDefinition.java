package org.openetp.shared.table;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a table shows: its name (the element id on the page and the exported file's name), its columns, the default
 * order, the text filter's label (none when the table has no text filter), the column filters, the page size, and
 * the message that says why it is empty and what to do next.
 *
 * @param name        element id and file name, e.g. {@code contracts}
 * @param columns     the columns, in the order shown and exported
 * @param defaultSort the key of the column ordered by when the request names none (or an unknown one)
 * @param ascending   the default direction
 * @param searchLabel message key of the text filter's label, or null for no text filter
 * @param filters     filters by a column's value out of a fixed list
 * @param pageSize    rows per page
 * @param emptyKey    message key of the empty state (why it is empty, what to do next)
 */
public record TableDefinition<R>(String name, List<Column<R>> columns, String defaultSort, boolean ascending,
        @Nullable String searchLabel, List<ColumnFilter> filters, int pageSize, String emptyKey) {

    public static final int MAX_PAGE_SIZE = 200;

    public TableDefinition {
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        String sort = defaultSort;
        if (columns.stream().noneMatch(c -> c.sortable() && c.key().equals(sort))) {
            throw new IllegalArgumentException("default sort " + sort + " is not a sortable column of " + name);
        }
    }

    public Optional<Column<R>> sortable(String key) {
        return columns.stream().filter(c -> c.sortable() && c.key().equals(key)).findFirst();
    }

    public Optional<ColumnFilter> filter(String param) {
        return filters.stream().filter(f -> f.param().equals(param)).findFirst();
    }

    /** The same table with another empty-state message (a page that explains its emptiness per role). */
    public TableDefinition<R> withEmpty(String key) {
        return new TableDefinition<>(name, columns, defaultSort, ascending, searchLabel, filters, pageSize, key);
    }
}
