package org.openetp.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An organization's statement in one currency as the money page's table: sorted by any column, filtered by memo
 * text and operation, paged, or streamed whole for an export. The movement's version (its place in the statement,
 * unique per organization and currency) breaks ties, so equal amounts keep the order they were applied in.
 */
@Repository
class StatementRows {

    static final Sorts SORTS = new Sorts("m.version", Map.of(
            "time", "m.version",
            "kind", "p.kind",
            "memo", "lower(p.memo)",
            "availableChange", "m.available_change",
            "blockedChange", "m.blocked_change",
            "availableAfter", "m.available_after",
            "blockedAfter", "m.blocked_after"));

    private static final String SELECT = """
            SELECT m.posting_id, m.posted_at, p.kind, p.memo, m.available_change, m.blocked_change,
                   m.available_after, m.blocked_after
            FROM ledger_movement m JOIN ledger_posting p ON p.id = m.posting_id""";

    /** One statement: whose, which currency, which period ({@code from} inclusive, {@code to} exclusive). */
    record Scope(OrganizationId organization, String currency, @Nullable Instant from, @Nullable Instant to) {
    }

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    StatementRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    TableSlice<StatementLine> page(Scope scope, TableQuery query) {
        String where = where(scope, query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), scope, query)
                .query(StatementRows::line).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM ledger_movement m JOIN ledger_posting p ON p.id = "
                + "m.posting_id" + where), scope, query).query(Long.class).single();
        return new TableSlice<>(rows, total);
    }

    void stream(Scope scope, TableQuery query, Consumer<StatementLine> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(scope, query) + SORTS.orderBy(query)), scope, query)
                .query(StatementRows::line).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(Scope scope, TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE m.organization_id = :organization AND m.currency = :currency");
        if (scope.from() != null) {
            where.append(" AND m.posted_at >= :from");
        }
        if (scope.to() != null) {
            where.append(" AND m.posted_at < :to");
        }
        if (query.search() != null) {
            where.append(" AND lower(p.memo) LIKE :q ESCAPE '\\'");
        }
        if (query.filter("kind") != null) {
            where.append(" AND p.kind = :kind");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope, TableQuery query) {
        spec = spec.param("organization", scope.organization().value()).param("currency", scope.currency());
        if (scope.from() != null) {
            spec = spec.param("from", Timestamp.from(scope.from()));
        }
        if (scope.to() != null) {
            spec = spec.param("to", Timestamp.from(scope.to()));
        }
        if (query.search() != null) {
            spec = spec.param("q", query.searchPattern());
        }
        if (query.filter("kind") != null) {
            spec = spec.param("kind", query.filter("kind"));
        }
        return spec;
    }

    private static StatementLine line(ResultSet rs, int n) throws SQLException {
        return new StatementLine(rs.getObject("posting_id", UUID.class), rs.getTimestamp("posted_at").toInstant(),
                rs.getString("kind"), rs.getString("memo"), rs.getBigDecimal("available_change"),
                rs.getBigDecimal("blocked_change"), rs.getBigDecimal("available_after"),
                rs.getBigDecimal("blocked_after"));
    }
}
