package org.openetp.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the red flags look at in the read model, and the operator's thresholds. */
@Repository
class FlagRepository {

    /** A lot with the figures its flags need; {@code minDays} is the kind's shortest tender period. */
    record FlagLot(UUID lot, UUID procedure, int number, UUID buyer, String kind, String category, Instant published,
            Instant deadline, boolean opened, String status, int bids, int rejected, boolean byInvitation,
            boolean lowestRejected, @Nullable BigDecimal award, @Nullable BigDecimal second, int minDays) {
    }

    /** The quartiles of a sample and its size. */
    record Quartiles(long size, double q1, double q3) {

        /** The upper fence of the interquartile-range rule: Q3 + 1.5 × (Q3 − Q1). */
        double fence() {
            return q3 + 1.5 * (q3 - q1);
        }
    }

    /** An organization's share of disqualified bids (bids it made, or bids on its lots). */
    record Share(long bids, long rejected) {

        double value() {
            return bids == 0 ? 0 : (double) rejected / bids;
        }
    }

    private static final String LOT = """
            SELECT l.lot_id, l.procedure_id, l.lot_number, l.buyer_id, l.kind, l.category_code, l.published_at,
                   l.submission_deadline, l.opened_at IS NOT NULL AND l.status <> 'CANCELLED' AS opened, l.status,
                   l.bids, l.rejected, l.by_invitation, l.lowest_rejected, l.award_price, l.second_price, t.min_days
            FROM analytics_lot l JOIN analytics_threshold t ON t.kind = l.kind""";

    /** The margin of the winner to the second admitted price, relative to the winning price. */
    static final String MARGIN = "abs(l.second_price - l.award_price) / l.award_price";

    private final JdbcClient jdbc;

    FlagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FlagLot> lots(UUID procedure) {
        return jdbc.sql(LOT + " WHERE l.procedure_id = :p ORDER BY l.lot_number").param("p", procedure)
                .query(FlagRepository::lot).list();
    }

    /** The lots of several procedures in one query (a list of flagged procedures), by procedure then number. */
    List<FlagLot> lots(List<UUID> procedures) {
        return jdbc.sql(LOT + " WHERE l.procedure_id = ANY(:p) ORDER BY l.procedure_id, l.lot_number")
                .param("p", procedures.toArray(UUID[]::new)).query(FlagRepository::lot).list();
    }

    private static FlagLot lot(ResultSet rs, int n) throws SQLException {
        return new FlagLot(rs.getObject("lot_id", UUID.class), rs.getObject("procedure_id", UUID.class),
                rs.getInt("lot_number"), rs.getObject("buyer_id", UUID.class), rs.getString("kind"),
                rs.getString("category_code"), rs.getTimestamp("published_at").toInstant(),
                rs.getTimestamp("submission_deadline").toInstant(), rs.getBoolean("opened"), rs.getString("status"),
                rs.getInt("bids"), rs.getInt("rejected"), rs.getBoolean("by_invitation"),
                rs.getBoolean("lowest_rejected"), rs.getBigDecimal("award_price"), rs.getBigDecimal("second_price"),
                rs.getInt("min_days"));
    }

    /** The buyer of a procedure in the read model, if it is there. */
    Optional<UUID> buyerOf(UUID procedure) {
        return jdbc.sql("SELECT buyer_id FROM analytics_lot WHERE procedure_id = :p LIMIT 1").param("p", procedure)
                .query(UUID.class).optional();
    }

    /** The quartiles of the winners' margins over the awarded lots of a category. */
    Quartiles marginQuartiles(String category) {
        return jdbc.sql("SELECT count(*) n, percentile_cont(0.25) WITHIN GROUP (ORDER BY " + MARGIN + ") q1,"
                        + " percentile_cont(0.75) WITHIN GROUP (ORDER BY " + MARGIN + ") q3 FROM analytics_lot l"
                        + " WHERE l.category_code = :c AND l.status = 'AWARDED' AND l.second_price IS NOT NULL"
                        + " AND l.award_price > 0")
                .param("c", category)
                .query((rs, n) -> new Quartiles(rs.getLong("n"), rs.getDouble("q1"), rs.getDouble("q3"))).single();
    }

    /** The quartiles of the disqualification shares of the suppliers (or buyers) with at least {@code min} bids. */
    Quartiles disqualificationQuartiles(boolean asBuyer, int min) {
        String who = asBuyer ? "buyer_id" : "bidder_id";
        return jdbc.sql("SELECT count(*) n, coalesce(percentile_cont(0.25) WITHIN GROUP (ORDER BY s), 0) q1,"
                        + " coalesce(percentile_cont(0.75) WITHIN GROUP (ORDER BY s), 0) q3 FROM ("
                        + " SELECT count(*) FILTER (WHERE rejected)::float8 / count(*) s FROM analytics_bid"
                        + " GROUP BY " + who + " HAVING count(*) >= :min) x")
                .param("min", min)
                .query((rs, n) -> new Quartiles(rs.getLong("n"), rs.getDouble("q1"), rs.getDouble("q3"))).single();
    }

    /** The organization's bids and disqualified ones, as bidder or as buyer. */
    Share disqualification(UUID organization, boolean asBuyer) {
        return jdbc.sql("SELECT count(*) n, count(*) FILTER (WHERE rejected) r FROM analytics_bid WHERE "
                        + (asBuyer ? "buyer_id" : "bidder_id") + " = :o")
                .param("o", organization)
                .query((rs, n) -> new Share(rs.getLong("n"), rs.getLong("r"))).single();
    }

    /** The organization's opened bids and wins, as bidder. */
    Share wins(UUID organization) {
        return jdbc.sql("SELECT count(*) n, count(*) FILTER (WHERE won) r FROM analytics_bid WHERE bidder_id = :o")
                .param("o", organization)
                .query((rs, n) -> new Share(rs.getLong("n"), rs.getLong("r"))).single();
    }

    /**
     * Procedures of a buyer (or the platform's) that may carry a flag, newest first: a short period, one bidder in
     * an open procedure, a disqualified best or all-but-winner bids, or a margin to check.
     */
    List<UUID> candidates(@Nullable UUID buyer, int limit) {
        return jdbc.sql("SELECT l.procedure_id FROM analytics_lot l JOIN analytics_threshold t ON t.kind = l.kind"
                        + " WHERE (CAST(:b AS UUID) IS NULL OR l.buyer_id = :b) AND ("
                        + " l.submission_deadline - l.published_at < t.min_days * INTERVAL '1 day'"
                        + " OR (l.opened_at IS NOT NULL AND NOT l.by_invitation AND l.bids = 1)"
                        + " OR l.lowest_rejected OR (l.bids >= 2 AND l.rejected = l.bids - 1 AND l.status = 'AWARDED')"
                        + " OR l.second_price IS NOT NULL)"
                        + " GROUP BY l.procedure_id ORDER BY max(l.published_at) DESC, l.procedure_id LIMIT :limit")
                .param("b", buyer).param("limit", limit).query(UUID.class).list();
    }

    /** The shortest tender period of each kind (days). */
    List<Threshold> thresholds() {
        return jdbc.sql("SELECT kind, min_days FROM analytics_threshold ORDER BY kind")
                .query((rs, n) -> new Threshold(rs.getString("kind"), rs.getInt("min_days"))).list();
    }

    /** Sets a kind's shortest tender period; false for an unknown kind. */
    boolean setThreshold(String kind, int days) {
        return jdbc.sql("UPDATE analytics_threshold SET min_days = :d WHERE kind = :k").param("d", days)
                .param("k", kind).update() == 1;
    }

    /** A kind's shortest tender period in days. */
    record Threshold(String kind, int minDays) {
    }
}
