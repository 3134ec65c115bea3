package org.openetp.shared.table;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a table as {@code templates/fragments/table.html} renders it: header cells with their sort links and
 * {@code aria-sort}, the rows' cells, the pager, and export links that keep the current filter and sort. Links keep
 * the request's other parameters (a page's own filters, such as the money page's organization and period).
 */
public final class TablePage<R> {

    /** The parameters the table owns; every other parameter of the request is carried along unchanged. */
    private static final Set<String> OWN = Set.of("sort", "dir", "q", "page", "size", "format");

    public record Header(String label, CellKind kind, boolean sortable, String ariaSort, String href) {
    }

    public record Row(List<Cell> cells) {
    }

    private final TableDefinition<R> table;
    private final TableQuery query;
    private final List<R> items;
    private final long total;
    private final String path;
    private final Map<String, String> carried = new LinkedHashMap<>();

    public TablePage(TableDefinition<R> table, TableQuery query, List<R> items, long total,
            HttpServletRequest request) {
        this.table = table;
        this.query = query;
        this.items = List.copyOf(items);
        this.total = total;
        this.path = request.getRequestURI();
        request.getParameterMap().forEach((name, values) -> {
            boolean filter = table.filter(name).isPresent();
            if (!OWN.contains(name) && !filter && values.length > 0 && !"lang".equals(name)) {
                carried.put(name, values[0]);
            }
        });
    }

    /**
     * Makes links and the filter form carry a page parameter the request left to its default (the money page's
     * organization and currency), so an export holds exactly the rows on screen even if the default changes.
     */
    public TablePage<R> carry(String name, @Nullable Object value) {
        if (value != null && !OWN.contains(name)) {
            carried.putIfAbsent(name, value.toString());
        }
        return this;
    }

    public TableDefinition<R> table() {
        return table;
    }

    public TableQuery query() {
        return query;
    }

    public List<R> items() {
        return items;
    }

    public long total() {
        return total;
    }

    public boolean empty() {
        return items.isEmpty();
    }

    /** Empty because of the filter (say "change the filter") rather than because nothing exists yet. */
    public boolean filtered() {
        return query.search() != null || !query.filters().isEmpty();
    }

    public List<Header> headers() {
        List<Header> headers = new ArrayList<>();
        for (Column<R> column : table.columns()) {
            boolean current = column.key().equals(query.sort());
            String aria = !current ? "none" : query.ascending() ? "ascending" : "descending";
            boolean nextAscending = !current || !query.ascending();
            String href = column.sortable() ? link(column.key(), nextAscending, 1, null) : "";
            headers.add(new Header(column.header(), column.kind(), column.sortable(), aria, href));
        }
        return headers;
    }

    public List<Row> rows() {
        return items.stream().map(item -> new Row(table.columns().stream().map(c -> c.cell(item)).toList()))
                .toList();
    }

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    public long firstRow() {
        return items.isEmpty() ? 0 : query.offset() + 1;
    }

    public long lastRow() {
        return query.offset() + items.size();
    }

    public String pageHref(int page) {
        return link(query.sort(), query.ascending(), page, null);
    }

    public String exportHref(String format) {
        return link(query.sort(), query.ascending(), 1, format);
    }

    /** The same table without its text and column filters. */
    public String clearHref() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        carried.forEach(uri::queryParam);
        return uri.queryParam("sort", query.sort()).queryParam("dir", query.ascending() ? "asc" : "desc").build()
                .encode().toUriString();
    }

    /** Where the filter form sends its query: the page, keeping the page's own parameters as hidden fields. */
    public String path() {
        return path;
    }

    public Map<String, String> carried() {
        return carried;
    }

    private String link(String sort, boolean ascending, int page, @Nullable String format) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        carried.forEach(uri::queryParam);
        uri.queryParam("sort", sort).queryParam("dir", ascending ? "asc" : "desc");
        if (query.search() != null) {
            uri.queryParam("q", query.search());
        }
        query.filters().forEach(uri::queryParam);
        if (format != null) {
            uri.queryParam("format", format);
        } else if (page > 1) {
            uri.queryParam("page", page);
        }
        if (query.size() != table.pageSize() && format == null) {
            uri.queryParam("size", query.size());
        }
        return uri.build().encode().toUriString();
    }
}
