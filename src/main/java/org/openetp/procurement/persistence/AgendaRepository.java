package org.openetp.procurement.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.AgendaItem;
import org.openetp.procurement.AgendaKind;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads behind the home pages: each list is the few most urgent things of one kind for a set of organizations,
 * at most {@code limit} of them, soonest due first. Nothing here is written.
 */
@Repository
public class AgendaRepository {

    /** A lot in a supplier's categories that asks for a deposit, with the amount its security comes to. */
    public record DepositLot(ProcedureId procedureId, String title, LotId lotId, String lotTitle, Instant deadline,
            BigDecimal amount, String currency) {
    }

    private final JdbcClient jdbc;

    AgendaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The buyers' drafts, newest first (their deadline as the due date: a draft published late misses it). */
    public List<AgendaItem> drafts(Set<UUID> buyers, int limit) {
        return procedures(AgendaKind.DRAFT, "p.status = 'DRAFT'", "p.created_at DESC", buyers, null, limit);
    }

    /** Published procedures still taking bids, the nearest deadline first. */
    public List<AgendaItem> deadlines(Set<UUID> buyers, Instant now, int limit) {
        return procedures(AgendaKind.DEADLINE, "p.status = 'PUBLISHED' AND p.submission_deadline > :now",
                "p.submission_deadline", buyers, now, limit);
    }

    /** Opened procedures whose bids wait for the buyer's (or committee's) decision. */
    public List<AgendaItem> toEvaluate(Set<UUID> buyers, int limit) {
        return procedures(AgendaKind.EVALUATE, "p.status IN ('OPENED', 'EVALUATION')", "p.submission_deadline",
                buyers, null, limit);
    }

    private List<AgendaItem> procedures(AgendaKind kind, String condition, String order, Set<UUID> buyers,
            @Nullable Instant now, int limit) {
        var spec = jdbc.sql("SELECT p.id, p.title, p.submission_deadline FROM procedure p"
                + " WHERE p.organization_id IN (:orgs) AND " + condition + " ORDER BY " + order + ", p.id LIMIT :limit")
                .param("orgs", buyers).param("limit", limit);
        if (now != null) {
            spec = spec.param("now", Timestamp.from(now));
        }
        return spec.query((rs, n) -> AgendaItem.of(kind, procedure(rs), rs.getString("title"), null, null,
                instant(rs, "submission_deadline"))).list();
    }

    /** Procedures with unanswered questions, one line each with their number, the oldest question first. */
    public List<AgendaItem> questions(Set<UUID> buyers, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.title, p.clarification_deadline, count(*) AS waiting, min(q.asked_at) AS oldest
                FROM question q JOIN procedure p ON p.id = q.procedure_id
                WHERE p.organization_id IN (:orgs) AND q.answered_at IS NULL
                GROUP BY p.id, p.title, p.clarification_deadline ORDER BY oldest, p.id LIMIT :limit
                """).param("orgs", buyers).param("limit", limit)
                .query((rs, n) -> new AgendaItem(AgendaKind.QUESTIONS, procedure(rs), rs.getString("title"), null,
                        null, instant(rs, "clarification_deadline"), null, rs.getInt("waiting"), null, null, null))
                .list();
    }

    /** Draft contracts the side ({@code buyer} or supplier) of these organizations has not accepted yet. */
    public List<AgendaItem> contractsToAccept(Set<UUID> organizations, boolean buyer, int limit) {
        String side = buyer ? "buyer" : "supplier";
        return jdbc.sql("SELECT c.id AS contract_id, p.id, p.title, c.lot_id, l.title AS lot_title, c.created_at"
                + " FROM contract c JOIN procedure p ON p.id = c.procedure_id JOIN lot l ON l.id = c.lot_id"
                + " WHERE c.status = 'DRAFT' AND c." + side + "_id IN (:orgs) AND c." + side + "_accepted_at IS NULL"
                + " ORDER BY c.created_at, c.id LIMIT :limit")
                .param("orgs", organizations).param("limit", limit)
                .query((rs, n) -> new AgendaItem(buyer ? AgendaKind.BUYER_CONTRACT : AgendaKind.SUPPLIER_CONTRACT,
                        procedure(rs), rs.getString("title"), lot(rs), rs.getString("lot_title"), null,
                        rs.getObject("contract_id", UUID.class), 0, null, null, null))
                .list();
    }

    /** The suppliers' bids that can still be changed or withdrawn, the nearest deadline first. */
    public List<AgendaItem> openBids(Set<UUID> suppliers, Instant now, int limit) {
        return bids(AgendaKind.OPEN_BID, "b.status = 'SUBMITTED' AND p.status = 'PUBLISHED'"
                + " AND p.submission_deadline > :now", "p.submission_deadline", "p.submission_deadline",
                suppliers, now, limit);
    }

    /** When an auction procedure's live auction starts: its settings hold the instant as ISO text. */
    private static final String AUCTION_START = "CAST(p.settings ->> 'auctionStart' AS timestamptz)";

    /** Live auctions the suppliers take part in that start from an hour ago on, the soonest first. */
    public List<AgendaItem> auctions(Set<UUID> suppliers, Instant now, int limit) {
        return bids(AgendaKind.AUCTION, "b.status IN ('SUBMITTED', 'ADMITTED')"
                + " AND p.settings ->> 'auctionStart' IS NOT NULL"
                + " AND " + AUCTION_START + " > CAST(:now AS timestamptz) - INTERVAL '1 hour'",
                AUCTION_START, AUCTION_START, suppliers, now, limit);
    }

    /** Lots the suppliers won in the last thirty days, whose contract is not refused. */
    public List<AgendaItem> wins(Set<UUID> suppliers, Instant now, int limit) {
        return bids(AgendaKind.WIN, "b.status = 'WINNER' AND b.contract_status IS DISTINCT FROM 'REFUSED'"
                + " AND b.updated_at > CAST(:now AS timestamptz) - INTERVAL '30 days'", "b.updated_at",
                "b.updated_at DESC", suppliers, now, limit);
    }

    private List<AgendaItem> bids(AgendaKind kind, String condition, String due, String order, Set<UUID> suppliers,
            Instant now, int limit) {
        return jdbc.sql("SELECT p.id, p.title, b.lot_id, l.title AS lot_title, " + due + " AS due"
                + " FROM bid b JOIN procedure p ON p.id = b.procedure_id JOIN lot l ON l.id = b.lot_id"
                + " WHERE b.organization_id IN (:orgs) AND " + condition + " ORDER BY " + order + ", b.id LIMIT :limit")
                .param("orgs", suppliers).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> AgendaItem.of(kind, procedure(rs), rs.getString("title"), lot(rs),
                        rs.getString("lot_title"), instant(rs, "due"))).list();
    }

    /**
     * Open lots in the categories an organization offers (or under them) that ask for a security it has not given
     * (no live bid of its own there), with the amount the security comes to, the nearest deadline first.
     */
    public List<DepositLot> lotsAskingSecurity(UUID supplier, List<String> categories, Instant now, int limit) {
        if (categories.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT p.id, p.title, l.id AS lot_id, l.title AS lot_title, p.submission_deadline, p.currency,
                       CASE l.security_kind WHEN 'PERCENT' THEN round(l.start_price * l.security_value / 100, 2)
                            ELSE l.security_value END AS amount
                FROM lot l JOIN procedure p ON p.id = l.procedure_id
                WHERE p.status = 'PUBLISHED' AND p.submission_deadline > :now AND l.security_kind IS NOT NULL
                  AND p.organization_id <> :supplier
                  AND EXISTS (SELECT 1 FROM unnest(CAST(:categories AS text[])) c
                              WHERE l.category_code = c OR l.category_code LIKE c || '.%')
                  AND NOT EXISTS (SELECT 1 FROM bid b WHERE b.lot_id = l.id AND b.organization_id = :supplier
                                  AND b.status <> 'WITHDRAWN')
                ORDER BY p.submission_deadline, l.id LIMIT :limit
                """).param("now", Timestamp.from(now)).param("supplier", supplier)
                .param("categories", categories.toArray(String[]::new)).param("limit", limit)
                .query((rs, n) -> new DepositLot(procedure(rs), rs.getString("title"), lot(rs),
                        rs.getString("lot_title"), instant(rs, "submission_deadline"), rs.getBigDecimal("amount"),
                        rs.getString("currency").strip()))
                .list();
    }

    private static ProcedureId procedure(ResultSet rs) throws SQLException {
        return new ProcedureId(rs.getObject("id", UUID.class));
    }

    private static LotId lot(ResultSet rs) throws SQLException {
        return new LotId(rs.getObject("lot_id", UUID.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
