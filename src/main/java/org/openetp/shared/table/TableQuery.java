package org.openetp.shared.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request's sort, filters and page for one table. Built only through {@link #of}, which accepts nothing but the
 * table's whitelisted sort keys and filter values: an unknown sort key, a bad direction or page, or a filter value
 * out of its list falls back to the default, so a hand-edited address shows the table rather than an error.
 */
public record TableQuery(String sort, boolean ascending, @Nullable String search, Map<String, String> filters,
        int page, int size) {

    /** Longest text filter kept: enough for any name, short enough for an index scan. */
    public static final int MAX_SEARCH = 200;
    /** Pages beyond this are refused (they would only make the database skip rows for nothing). */
    public static final int MAX_PAGE = 100_000;

    public TableQuery {
        filters = Map.copyOf(filters);
    }

    public static TableQuery of(TableDefinition<?> table, Map<String, String> params) {
        String sort = Optional.ofNullable(params.get("sort")).map(String::strip)
                .filter(key -> table.sortable(key).isPresent()).orElse(table.defaultSort());
        String dir = params.get("dir");
        boolean ascending = "asc".equals(dir) || (!"desc".equals(dir) && (sort.equals(table.defaultSort())
                ? table.ascending() : true));
        String search = null;
        if (table.searchLabel() != null && params.get("q") != null && !params.get("q").isBlank()) {
            String q = params.get("q").strip();
            search = q.length() > MAX_SEARCH ? q.substring(0, MAX_SEARCH) : q;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (ColumnFilter filter : table.filters()) {
            String value = params.get(filter.param());
            if (value != null && filter.options().contains(value.strip())) {
                filters.put(filter.param(), value.strip());
            }
        }
        return new TableQuery(sort, ascending, search, filters, number(params.get("page"), 1, MAX_PAGE),
                number(params.get("size"), table.pageSize(), TableDefinition.MAX_PAGE_SIZE));
    }

    private static int number(@Nullable String text, int fallback, int max) {
        if (text == null || text.isBlank() || text.length() > 9) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public @Nullable String filter(String param) {
        return filters.get(param);
    }

    /**
     * The text filter as a {@code LIKE} pattern matching it anywhere, its wildcards escaped (the SQL says
     * {@code ESCAPE '\'}); null when there is no text filter.
     */
    public @Nullable String searchPattern() {
        if (search == null) {
            return null;
        }
        return "%" + search.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }

    /** The same filter and order, every row: what an export reads. */
    public TableQuery all() {
        return new TableQuery(sort, ascending, search, filters, 1, Integer.MAX_VALUE);
    }
}
