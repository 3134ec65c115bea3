package org.openetp.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.Facts.BidFact;
import org.openetp.analytics.Facts.LotFact;
import org.openetp.procurement.ProcedureId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the read model: a procedure's rows are replaced as a whole, under a lock on that procedure. */
@Repository
class ReadModelStore {

    private static final String INSERT_LOT = """
            INSERT INTO analytics_lot (lot_id, procedure_id, lot_number, buyer_id, kind, category_code, currency, published_at,
                submission_deadline, opened_at, decided_at, contract_at, status, start_price, award_price,
                second_price, winner_id, winner_sme, bids, rejected, price_only, by_invitation, sellers,
                lowest_rejected, title)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_BID = """
            INSERT INTO analytics_bid (bid_id, lot_id, procedure_id, buyer_id, bidder_id, category_code, currency,
                published_at, rejected, won, price, sme)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DailyTotals totals;

    ReadModelStore(JdbcClient jdbc, JdbcTemplate template, DailyTotals totals) {
        this.jdbc = jdbc;
        this.template = template;
        this.totals = totals;
    }

    /**
     * Serializes the writers of one procedure until the transaction ends, so that of two listeners reading the
     * procedure at different moments the later reader also writes last.
     */
    void lock(ProcedureId procedure) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "analytics:" + procedure.value()).query((rs, n) -> 1).list();
    }

    /** {@link #lock} for many procedures in one statement, in a fixed order (two rebuilds at once cannot deadlock). */
    void lockAll(Collection<ProcedureId> procedures) {
        jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtextextended('analytics:' || x, 0)))"
                + " FROM (SELECT DISTINCT unnest(CAST(:ids AS UUID[])) x ORDER BY 1) s")
                .param("ids", procedures.stream().map(ProcedureId::value).toArray(UUID[]::new))
                .query(Long.class).single();
    }

    /**
     * Replaces the rows of the procedures given with theirs (none for a procedure that discloses nothing) and
     * recomputes the daily totals of the days they were and are in.
     */
    void replace(Collection<ProcedureId> procedures, Collection<Facts> facts) {
        Set<DailyTotals.Touch> touched = new HashSet<>(replaceRows(procedures, facts));
        for (Facts f : facts) {
            f.lots().forEach(l -> touched.add(new DailyTotals.Touch(l.buyer(), DailyTotals.day(l.publishedAt()))));
        }
        totals.recompute(touched);
    }

    /**
     * Replaces the rows only, leaving the totals to the caller (the rebuild recomputes them all once at its end);
     * returns the buyer and day of every lot row removed.
     */
    List<DailyTotals.Touch> replaceRows(Collection<ProcedureId> procedures, Collection<Facts> facts) {
        UUID[] ids = procedures.stream().map(ProcedureId::value).toArray(UUID[]::new);
        jdbc.sql("DELETE FROM analytics_bid WHERE procedure_id = ANY(:ids)").param("ids", ids).update();
        List<DailyTotals.Touch> removed = jdbc.sql("DELETE FROM analytics_lot WHERE procedure_id = ANY(:ids)"
                + " RETURNING buyer_id, published_at").param("ids", ids)
                .query((rs, n) -> new DailyTotals.Touch(rs.getObject("buyer_id", UUID.class),
                        DailyTotals.day(rs.getTimestamp("published_at").toInstant())))
                .list();
        List<Object[]> lots = new ArrayList<>();
        List<Object[]> bids = new ArrayList<>();
        for (Facts f : facts) {
            f.lots().forEach(l -> lots.add(row(l)));
            f.bids().forEach(b -> bids.add(row(b)));
        }
        if (!lots.isEmpty()) {
            template.batchUpdate(INSERT_LOT, lots);
        }
        if (!bids.isEmpty()) {
            template.batchUpdate(INSERT_BID, bids);
        }
        return removed;
    }

    /** The database's clock, which stamps every row written (so a rebuild knows which rows it did not write). */
    Instant databaseNow() {
        return jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant();
    }

    /** Removes the rows written before the instant (of the database's clock). */
    void deleteOlderThan(Instant at) {
        jdbc.sql("DELETE FROM analytics_bid WHERE refreshed_at < :at AND NOT demo").param("at", Timestamp.from(at))
                .update();
        jdbc.sql("DELETE FROM analytics_lot WHERE refreshed_at < :at AND NOT demo").param("at", Timestamp.from(at))
                .update();
    }

    /** Whether the demo history was written. */
    boolean hasDemoHistory() {
        return jdbc.sql("SELECT count(*) FROM analytics_lot WHERE demo").query(Long.class).single() > 0;
    }

    /** Marks the procedures' rows as demo history, which a rebuild keeps. */
    void markDemo(Collection<ProcedureId> procedures) {
        UUID[] ids = procedures.stream().map(ProcedureId::value).toArray(UUID[]::new);
        jdbc.sql("UPDATE analytics_lot SET demo = TRUE WHERE procedure_id = ANY(:ids)").param("ids", ids).update();
        jdbc.sql("UPDATE analytics_bid SET demo = TRUE WHERE procedure_id = ANY(:ids)").param("ids", ids).update();
    }

    /** Whether the read model was built once from the disclosure. */
    boolean built() {
        return jdbc.sql("SELECT count(*) FROM analytics_build WHERE finished_at IS NOT NULL").query(Long.class)
                .single() > 0;
    }

    void markBuilt(Instant at) {
        jdbc.sql("""
                INSERT INTO analytics_build (id, finished_at) VALUES (1, :at)
                ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at""")
                .param("at", Timestamp.from(at)).update();
    }

    private static Object[] row(LotFact l) {
        return new Object[] {l.lot(), l.procedure(), l.number(), l.buyer(), l.kind().name(), l.category(), l.currency(),
            ts(l.publishedAt()), ts(l.deadline()), ts(l.openedAt()), ts(l.decidedAt()), ts(l.contractAt()),
            l.state().name(), l.startPrice(), l.awardPrice(), l.secondPrice(), l.winner(), l.winnerSme(), l.bids(),
            l.rejected(), l.priceOnly(), l.byInvitation(), l.sellers(), l.lowestRejected(), l.title()};
    }

    private static Object[] row(BidFact b) {
        return new Object[] {b.bid(), b.lot(), b.procedure(), b.buyer(), b.bidder(), b.category(), b.currency(),
            ts(b.publishedAt()), b.rejected(), b.won(), b.price(), b.sme()};
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
