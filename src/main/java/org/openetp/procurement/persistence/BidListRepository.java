package org.openetp.procurement.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidReceipt;
import org.openetp.procurement.BidStatus;
import org.openetp.procurement.LotId;
import org.openetp.procurement.MyBidRow;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.ProcedureStatus;
import org.openetp.shared.table.Sorts;
import org.openetp.shared.table.StreamingJdbc;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A supplier organization's bids as table rows ("My bids"): one page and its total, or every row for an export. */
@Repository
public class BidListRepository {

    /** The sort keys of "My bids" and what each orders by; the bid id breaks ties. */
    public static final Sorts SORTS = new Sorts("b.id", Map.of(
            "procedure", "lower(p.title)",
            "lot", "l.number",
            "status", "b.status",
            "deadline", "p.submission_deadline",
            "submitted", "b.submitted_at"));

    private static final String FROM = " FROM bid b JOIN procedure p ON p.id = b.procedure_id"
            + " JOIN lot l ON l.id = b.lot_id";
    // The latest receipt of each bid (a replaced bid has one per submission).
    private static final String SELECT = "SELECT b.id, b.procedure_id, p.title, p.status AS procedure_status,"
            + " b.lot_id, l.number, l.title AS lot_title, b.status, p.submission_deadline, b.submitted_at,"
            + " r.sha256 AS receipt_sha256" + FROM
            + " LEFT JOIN LATERAL (SELECT sha256 FROM bid_receipt WHERE bid_id = b.id ORDER BY received_at DESC"
            + " LIMIT 1) r ON TRUE";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    BidListRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = StreamingJdbc.client(dataSource);
    }

    public TableSlice<MyBidRow> ofSuppliers(Set<UUID> suppliers, TableQuery query) {
        String where = where(query);
        var rows = bind(jdbc.sql(SELECT + where + SORTS.orderBy(query) + Sorts.page(query)), suppliers, query)
                .query(this::row).list();
        long total = bind(jdbc.sql("SELECT count(*)" + FROM + where), suppliers, query).query(Long.class).single();
        return new TableSlice<>(rows, total);
    }

    public void streamOfSuppliers(Set<UUID> suppliers, TableQuery query, Consumer<MyBidRow> sink) {
        try (var rows = bind(streaming.sql(SELECT + where(query) + SORTS.orderBy(query)), suppliers, query)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    /** The latest receipt of a bid of one of these organizations; empty for anyone else's bid. */
    public Optional<BidReceipt> receipt(Set<UUID> suppliers, BidId bid) {
        return jdbc.sql("""
                SELECT r.id, r.received_at, r.sha256, r.signature FROM bid_receipt r JOIN bid b ON b.id = r.bid_id
                WHERE r.bid_id = :bid AND b.organization_id IN (:suppliers) ORDER BY r.received_at DESC LIMIT 1
                """).param("bid", bid.value()).param("suppliers", suppliers)
                .query((rs, n) -> new BidReceipt(rs.getObject("id", UUID.class),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("sha256"), rs.getString("signature")))
                .optional();
    }

    private static String where(TableQuery query) {
        StringBuilder where = new StringBuilder(" WHERE b.organization_id IN (:suppliers)");
        if (query.search() != null) {
            where.append(" AND (lower(p.title) LIKE :q ESCAPE '\\' OR lower(l.title) LIKE :q ESCAPE '\\')");
        }
        if (query.filter("status") != null) {
            where.append(" AND b.status = :status");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Set<UUID> suppliers,
            TableQuery query) {
        spec = spec.param("suppliers", suppliers);
        if (query.search() != null) {
            spec = spec.param("q", query.searchPattern());
        }
        if (query.filter("status") != null) {
            spec = spec.param("status", query.filter("status"));
        }
        return spec;
    }

    private MyBidRow row(ResultSet rs, int n) throws SQLException {
        return new MyBidRow(new BidId(rs.getObject("id", UUID.class)),
                new ProcedureId(rs.getObject("procedure_id", UUID.class)), rs.getString("title"),
                ProcedureStatus.valueOf(rs.getString("procedure_status")),
                new LotId(rs.getObject("lot_id", UUID.class)), rs.getInt("number"), rs.getString("lot_title"),
                BidStatus.valueOf(rs.getString("status")), rs.getTimestamp("submission_deadline").toInstant(),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("receipt_sha256"));
    }
}
