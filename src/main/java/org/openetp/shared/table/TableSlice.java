package org.openetp.shared.table;

import java.util.List;

/** One page of rows as a repository read them, with the number of rows matching the filter on every page. */
public record TableSlice<R>(List<R> rows, long total) {

    public TableSlice {
        rows = List.copyOf(rows);
    }

    public static <R> TableSlice<R> empty() {
        return new TableSlice<>(List.of(), 0);
    }
}
