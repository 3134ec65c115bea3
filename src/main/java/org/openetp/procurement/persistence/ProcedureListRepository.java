package org.openetp.procurement.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureRow;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Procedures as table rows: one page, its total, or every row through a cursor for an export. */
@Repository
public class ProcedureListRepository {

    /** The sort keys of the procedure tables and what each orders by; the id breaks ties. */
    public static final Sorts SORTS = new Sorts("p.id", Map.of(
            "title", "lower(p.title)",
            "kind", "p.kind",
            "status", "p.status",
            "value", "value",
            "deadline", "p.submission_deadline",
            "created", "p.created_at"));

    private static final String SELECT = """
            SELECT p.id, p.title, p.kind, p.status, p.currency, p.submission_deadline, p.created_at,
                   (SELECT sum(l.start_price) FROM lot l WHERE l.procedure_id = p.id) AS value
            FROM procedure p""";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    ProcedureListRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    public TableSlice<ProcedureRow> ofBuyers(Set<UUID> buyers, TableQuery query) {
        String where = where(query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), buyers, query)
                .query(this::row).list();
        long total = bind(jdbc.sql("SELECT count(*) FROM procedure p" + where), buyers, query)
                .query(Long.class).single();
        return new TableSlice<>(rows, total);
    }

    public void streamOfBuyers(Set<UUID> buyers, TableQuery query, Consumer<ProcedureRow> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(query) + SORTS.orderBy(query)), buyers, query)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    private static String where(TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE p.organization_id IN (:buyers)");
        if (query.search() != null) {
            where.append(" AND lower(p.title) LIKE :q ESCAPE '\\'");
        }
        if (query.filter("status") != null) {
            where.append(" AND p.status = :status");
        }
        if (query.filter("kind") != null) {
            where.append(" AND p.kind = :kind");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Set<UUID> buyers, TableQuery query) {
        spec = spec.param("buyers", buyers);
        if (query.search() != null) {
            spec = spec.param("q", query.searchPattern());
        }
        if (query.filter("status") != null) {
            spec = spec.param("status", query.filter("status"));
        }
        if (query.filter("kind") != null) {
            spec = spec.param("kind", query.filter("kind"));
        }
        return spec;
    }

    private ProcedureRow row(ResultSet rs, int n) throws SQLException {
        return new ProcedureRow(new ProcedureId(rs.getObject("id", UUID.class)), rs.getString("title"),
                ProcedureKind.valueOf(rs.getString("kind")), ProcedureStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("value"), rs.getString("currency"), instant(rs.getTimestamp("submission_deadline")),
                instant(rs.getTimestamp("created_at")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t.toInstant();
    }
}
