package org.openetp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Checks every shared table must pass, whatever page it is on. */
public final class TableChecks {

    private TableChecks() {
    }

    /**
     * For each sort key both ways: reading the table page by page ({@code size} rows each) gives exactly the rows of
     * the one long page, in the same order: none repeated, none skipped, even among rows whose keys are equal.
     * {@code page} fetches a page's HTML for a query string; rows are told apart by their link, or by their text.
     * Returns the long page's rows per sort ("key,dir" → rows) for the caller's own order checks.
     */
    public static java.util.Map<String, List<String>> pagingIsStable(Function<String, String> page, String name,
            List<String> sortKeys, int size, int expectedRows) {
        java.util.Map<String, List<String>> orders = new java.util.LinkedHashMap<>();
        for (String key : sortKeys) {
            for (String dir : List.of("asc", "desc")) {
                String query = "sort=" + key + "&dir=" + dir;
                List<String> all = identities(page.apply(query + "&size=200"), name);
                assertThat(all).as(query).hasSize(expectedRows);
                List<String> paged = new ArrayList<>();
                for (int p = 1; p <= (expectedRows + size - 1) / size; p++) {
                    paged.addAll(identities(page.apply(query + "&size=" + size + "&page=" + p), name));
                }
                assertThat(paged).as("pages of " + query).containsExactlyElementsOf(all);
                orders.put(key + "," + dir, all);
            }
        }
        return orders;
    }

    private static List<String> identities(String html, String name) {
        List<String> links = TableHtml.links(html, name);
        List<List<String>> rows = TableHtml.rows(html, name);
        if (links.size() == rows.size()) {
            return links;
        }
        return rows.stream().map(r -> String.join(" | ", r)).toList();
    }
}
