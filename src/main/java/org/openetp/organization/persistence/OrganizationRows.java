package org.openetp.organization.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationRow;
import org.openetp.organization.OrganizationStatus;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every organization as the operator's table: one page with its total, or all rows through a cursor. */
@Repository
public class OrganizationRows {

    public static final Sorts SORTS = new Sorts("o.id", Map.of(
            "name", "lower(o.short_name)",
            "fullName", "lower(o.full_name)",
            "country", "o.country",
            "taxId", "o.tax_id",
            "status", "o.status",
            "registered", "o.created_at"));

    private static final String SELECT =
            "SELECT o.id, o.short_name, o.full_name, o.country, o.tax_id, o.status, o.created_at FROM organization o";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    OrganizationRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    public TableSlice<OrganizationRow> page(TableQuery query) {
        String where = where(query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), query)
                .query(OrganizationRows::row).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM organization o" + where), query).query(Long.class)
                .single();
        return new TableSlice<>(rows, total);
    }

    public void stream(TableQuery query, Consumer<OrganizationRow> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(query) + SORTS.orderBy(query)), query)
                .query(OrganizationRows::row).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.search() != null) {
            // The search columns of V3 and their indexes: a part of either name (trigrams: Thai too), a word of
            // it in another form (stemmed), or the first digits of the tax id.
            where.append(" AND (o.name_text LIKE :q ESCAPE '\\' OR o.name_words @@ plainto_tsquery('russian', :words)"
                    + " OR o.tax_id LIKE :taxPrefix ESCAPE '\\')");
        }
        if (query.filter("status") != null) {
            where.append(" AND o.status = :status");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, TableQuery query) {
        if (query.search() != null) {
            String pattern = java.util.Objects.requireNonNull(query.searchPattern());
            spec = spec.param("q", pattern).param("words", query.search())
                    .param("taxPrefix", pattern.substring(1).replace(" ", ""));
        }
        if (query.filter("status") != null) {
            spec = spec.param("status", query.filter("status"));
        }
        return spec;
    }

    private static OrganizationRow row(ResultSet rs, int n) throws SQLException {
        return new OrganizationRow(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("short_name"),
                rs.getString("full_name"), rs.getString("country"), rs.getString("tax_id"),
                OrganizationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
