package org.openetp.billing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openetp.billing.InvoiceRow;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invoices as table rows: one page with its total, or every row through a cursor for an export. {@code payers}
 * null is the operator's view of every invoice; otherwise only those organizations' invoices.
 */
@Repository
public class InvoiceRows {

    public static final Sorts SORTS = new Sorts("i.id", Map.of(
            "number", "i.number",
            "customer", "lower(i.buyer_name)",
            "issued", "i.issued_at",
            "amount", "i.amount",
            "status", "i.status",
            "paid", "p.paid_at"));

    private static final String FROM = " FROM invoice i LEFT JOIN invoice_payment p ON p.invoice_id = i.id";
    private static final String SELECT = "SELECT i.id, i.number, i.buyer_name, i.issued_at, i.amount, i.currency, "
            + "i.status, p.paid_at" + FROM;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    InvoiceRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    public TableSlice<InvoiceRow> page(@Nullable Set<UUID> payers, TableQuery query) {
        String where = where(payers, query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), payers, query)
                .query(InvoiceRows::row).list();
        long total = bind(jdbc.sql("SELECT count(*)" + FROM + where), payers, query).query(Long.class).single();
        return new TableSlice<>(rows, total);
    }

    public void stream(@Nullable Set<UUID> payers, TableQuery query, Consumer<InvoiceRow> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(payers, query) + SORTS.orderBy(query)), payers, query)
                .query(InvoiceRows::row).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(@Nullable Set<UUID> payers, TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (payers != null) {
            where.append(" AND i.organization_id IN (:payers)");
        }
        if (query.search() != null) {
            where.append(" AND (lower(i.number) LIKE :q ESCAPE '\\' OR lower(i.buyer_name) LIKE :q ESCAPE '\\'"
                    + " OR lower(i.payment_reference) LIKE :q ESCAPE '\\')");
        }
        if (query.filter("status") != null) {
            where.append(" AND i.status = :status");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable Set<UUID> payers,
            TableQuery query) {
        if (payers != null) {
            spec = spec.param("payers", payers);
        }
        if (query.search() != null) {
            spec = spec.param("q", query.searchPattern());
        }
        if (query.filter("status") != null) {
            spec = spec.param("status", query.filter("status"));
        }
        return spec;
    }

    private static InvoiceRow row(ResultSet rs, int n) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new InvoiceRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("buyer_name"),
                rs.getTimestamp("issued_at").toInstant(), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getString("status"), paid == null ? null : paid.toInstant());
    }
}
