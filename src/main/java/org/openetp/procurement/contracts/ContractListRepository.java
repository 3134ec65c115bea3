package org.openetp.procurement.contracts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ContractId;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Contracts as table rows, read from the contract row alone (the parties' names are the requisites frozen into it):
 * one page with its total, or every row through a cursor for an export. {@code parties} null means the operator's
 * view of every contract.
 */
@Repository
class ContractListRepository {

    static final Sorts SORTS = new Sorts("c.id", Map.of(
            "subject", "lower(c.subject)",
            "buyer", "lower(c.buyer_party->>'shortName')",
            "supplier", "lower(c.supplier_party->>'shortName')",
            "price", "c.price",
            "status", "c.status",
            "created", "c.created_at"));

    private static final String SELECT = """
            SELECT c.id, c.subject, c.buyer_party->>'shortName' AS buyer, c.supplier_party->>'shortName' AS supplier,
                   c.price, c.currency, c.status, c.created_at,
                   EXISTS (SELECT 1 FROM contract_milestone m WHERE m.contract_id = c.id) AS has_milestones,
                   c.buyer_accepted_at IS NOT NULL AS buyer_accepted,
                   c.supplier_accepted_at IS NOT NULL AS supplier_accepted
            FROM contract c""";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    ContractListRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    TableSlice<ContractRow> page(@Nullable Set<UUID> parties, TableQuery query) {
        String where = where(parties, query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), parties, query)
                .query(this::row).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM contract c" + where), parties, query).query(Long.class)
                .single();
        return new TableSlice<>(rows, total);
    }

    void stream(@Nullable Set<UUID> parties, TableQuery query, Consumer<ContractRow> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(parties, query) + SORTS.orderBy(query)), parties, query)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(@Nullable Set<UUID> parties, TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (parties != null) {
            where.append(" AND (c.buyer_id IN (:parties) OR c.supplier_id IN (:parties))");
        }
        if (query.search() != null) {
            where.append(" AND (lower(c.subject) LIKE :q ESCAPE '\\' OR lower(c.buyer_party->>'shortName') LIKE :q"
                    + " ESCAPE '\\' OR lower(c.supplier_party->>'shortName') LIKE :q ESCAPE '\\')");
        }
        if (query.filter("status") != null) {
            where.append(" AND c.status = :status");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable Set<UUID> parties,
            TableQuery query) {
        if (parties != null) {
            spec = spec.param("parties", parties);
        }
        if (query.search() != null) {
            spec = spec.param("q", query.searchPattern());
        }
        if (query.filter("status") != null) {
            spec = spec.param("status", query.filter("status"));
        }
        return spec;
    }

    private ContractRow row(ResultSet rs, int n) throws SQLException {
        Contract.Status status = Contract.Status.valueOf(rs.getString("status"));
        return new ContractRow(new ContractId(rs.getObject("id", UUID.class)), rs.getString("subject"),
                rs.getString("buyer"), rs.getString("supplier"), rs.getBigDecimal("price"), rs.getString("currency"),
                status, ContractProgress.stage(status, rs.getBoolean("has_milestones"),
                        rs.getBoolean("buyer_accepted"), rs.getBoolean("supplier_accepted")),
                rs.getTimestamp("created_at").toInstant());
    }
}
