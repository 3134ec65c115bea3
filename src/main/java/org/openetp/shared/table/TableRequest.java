package org.openetp.shared.table;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * A request to a table's page or list endpoint: the validated query, and the file format when it asks for one
 * ({@code ?format=csv|xlsx} or an {@code Accept} header naming CSV or XLSX).
 */
public record TableRequest<R>(TableDefinition<R> table, TableQuery query, Optional<ExportFormat> format) {

    public static <R> TableRequest<R> of(TableDefinition<R> table, HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && values[0] != null) {
                params.put(name, values[0]);
            }
        });
        return new TableRequest<>(table, TableQuery.of(table, params),
                ExportFormat.requested(params.get("format"), request.getHeader(HttpHeaders.ACCEPT)));
    }

    /** The page to render from the rows read for this query. */
    public TablePage<R> page(TableSlice<R> slice, HttpServletRequest request) {
        return new TablePage<>(table, query, slice.rows(), slice.total(), request);
    }
}
