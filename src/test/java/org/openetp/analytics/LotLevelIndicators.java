package org.openetp.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.analytics.IndicatorRepository.BidCounts;
import org.openetp.analytics.IndicatorRepository.CategorySums;
import org.openetp.analytics.IndicatorRepository.CurrencySums;
import org.openetp.analytics.IndicatorRepository.DayCount;
import org.openetp.analytics.IndicatorRepository.LotCounts;
import org.openetp.analytics.IndicatorRepository.MonthSavings;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicators' aggregates computed over the lot rows, as IndicatorRepository computed them before the daily
 * totals (issue 20): the reference the totals must equal, figure for figure.
 */
final class LotLevelIndicators {

    private static final String WHERE = " WHERE l.published_at >= :from AND l.published_at < :to"
            + " AND (CAST(:category AS TEXT) IS NULL OR l.category_code LIKE :category || '%')"
            + " AND (CAST(:buyer AS UUID) IS NULL OR l.buyer_id = :buyer)";
    private static final String LOTS = " FROM analytics_lot l JOIN analytics_threshold t ON t.kind = l.kind" + WHERE;

    private static final String OPENED = "l.opened_at IS NOT NULL AND l.status <> 'CANCELLED'";

    private final JdbcClient jdbc;

    LotLevelIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LotCounts counts(Filter f) {
        return params(jdbc.sql("SELECT count(DISTINCT l.procedure_id) procedures, count(*) lots,"
                + " count(*) FILTER (WHERE " + OPENED + ") opened_lots,"
                + " coalesce(sum(l.bids) FILTER (WHERE " + OPENED + "), 0) opened_bids,"
                + " coalesce(sum(l.rejected) FILTER (WHERE " + OPENED + "), 0) rejected_bids,"
                + " count(*) FILTER (WHERE l.status = 'AWARDED') awarded,"
                + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.bids = 1) single_bidder,"
                + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.price_only) price_only,"
                + " count(*) FILTER (WHERE " + OPENED + " AND (l.by_invitation OR l.bids = 1)) non_competitive,"
                + " count(*) FILTER (WHERE l.status = 'CANCELLED') cancelled,"
                + " count(*) FILTER (WHERE l.status <> 'OPEN') finished,"
                + " count(*) FILTER (WHERE l.contract_at IS NOT NULL) contracted,"
                + " count(*) FILTER (WHERE l.submission_deadline - l.published_at < t.min_days * INTERVAL '1 day')"
                + " short_period,"
                + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.winner_sme) winners_sme,"
                + " avg(extract(epoch FROM l.decided_at - l.submission_deadline) / 86400)"
                + " FILTER (WHERE l.status = 'AWARDED' AND l.decided_at IS NOT NULL) decision_days,"
                + " avg(extract(epoch FROM l.contract_at - l.published_at) / 86400)"
                + " FILTER (WHERE l.contract_at IS NOT NULL) cycle_days " + LOTS), f)
                .query((rs, n) -> new LotCounts(rs.getLong("procedures"), rs.getLong("lots"),
                        rs.getLong("opened_lots"), rs.getLong("opened_bids"), rs.getLong("rejected_bids"),
                        rs.getLong("awarded"), rs.getLong("single_bidder"), rs.getLong("price_only"),
                        rs.getLong("non_competitive"), rs.getLong("cancelled"), rs.getLong("finished"),
                        rs.getLong("contracted"), rs.getLong("short_period"), rs.getLong("winners_sme"),
                        nullableDouble(rs, "decision_days"), nullableDouble(rs, "cycle_days"), bids(f).bids(),
                        bids(f).smeBids()))
                .single();
    }

    List<CurrencySums> currencies(Filter f) {
        return params(jdbc.sql("SELECT l.currency,"
                + " coalesce(sum(l.start_price) FILTER (WHERE " + AWARDED + "), 0) awarded_start,"
                + " coalesce(sum(l.award_price) FILTER (WHERE " + AWARDED + "), 0) awarded,"
                + " coalesce(sum(" + GAIN + ") FILTER (WHERE " + AWARDED + "), 0) gain,"
                + " sum(l.start_price) volume,"
                + " coalesce(sum(l.start_price) FILTER (WHERE " + OPENED + "), 0) opened_value,"
                + " coalesce(sum(l.start_price) FILTER (WHERE " + OPENED + " AND (l.by_invitation OR l.bids = 1)), 0)"
                + " non_competitive " + LOTS + " GROUP BY l.currency ORDER BY l.currency"), f)
                .query((rs, n) -> new CurrencySums(rs.getString("currency").strip(), rs.getBigDecimal("awarded_start"),
                        rs.getBigDecimal("awarded"), rs.getBigDecimal("gain"), rs.getBigDecimal("volume"),
                        rs.getBigDecimal("opened_value"), rs.getBigDecimal("non_competitive")))
                .list();
    }

    /** Over awarded lots with a price: the organizer's gain, the award under the start (over it in a sale). */
    private static final String AWARDED = "l.status = 'AWARDED' AND l.award_price IS NOT NULL";
    private static final String GAIN = "CASE WHEN l.sellers THEN l.award_price - l.start_price"
            + " ELSE l.start_price - l.award_price END";

    List<DayCount> proceduresPerDay(Filter f) {
        return params(jdbc.sql("SELECT date_trunc('day', l.published_at AT TIME ZONE 'UTC') d,"
                + " count(DISTINCT l.procedure_id) c " + LOTS + " GROUP BY d ORDER BY d"), f)
                .query((rs, n) -> new DayCount(rs.getTimestamp("d").toLocalDateTime().toLocalDate(), rs.getLong("c")))
                .list();
    }

    List<MonthSavings> savingsPerMonth(Filter f) {
        return params(jdbc.sql("SELECT date_trunc('month', l.published_at AT TIME ZONE 'UTC') m, l.currency,"
                + " sum(l.start_price) s, sum(l.award_price) a, sum(" + GAIN + ") g " + LOTS + " AND " + AWARDED
                + " GROUP BY m, l.currency ORDER BY m, l.currency"), f)
                .query((rs, n) -> new MonthSavings(rs.getTimestamp("m").toLocalDateTime().toLocalDate(),
                        rs.getString("currency").strip(), rs.getBigDecimal("s"), rs.getBigDecimal("a"),
                        rs.getBigDecimal("g")))
                .list();
    }

    List<CategorySums> topCategories(Filter f, int limit) {
        return params(jdbc.sql("SELECT l.category_code, l.currency, count(*) lots,"
                + " count(*) FILTER (WHERE " + AWARDED + ") awarded,"
                + " sum(l.start_price) s, coalesce(sum(l.award_price) FILTER (WHERE " + AWARDED + "), 0) a,"
                + " coalesce(sum(" + GAIN + ") FILTER (WHERE " + AWARDED + "), 0) g " + LOTS
                + " GROUP BY l.category_code, l.currency ORDER BY lots DESC, s DESC, l.category_code LIMIT :limit"), f)
                .param("limit", limit)
                .query((rs, n) -> new CategorySums(rs.getString("category_code"), rs.getString("currency").strip(),
                        rs.getLong("lots"), rs.getLong("awarded"), rs.getBigDecimal("s"), rs.getBigDecimal("a"),
                        rs.getBigDecimal("g")))
                .list();
    }

    /** Opened bids on the filter's lots: how many, how many from SMEs, how many bidders. */
    BidCounts bids(Filter f) {
        return params(jdbc.sql("SELECT count(b.bid_id) bids, count(b.bid_id) FILTER (WHERE b.sme) sme,"
                + " count(DISTINCT b.bidder_id) bidders FROM analytics_bid b JOIN analytics_lot l ON l.lot_id = b.lot_id"
                + WHERE
                + " AND " + OPENED), f)
                .query((rs, n) -> new BidCounts(rs.getLong("bids"), rs.getLong("sme")))
                .single();
    }

    /** Organizations that published or bid on the filter's lots. */
    long organizations(Filter f) {
        return params(jdbc.sql("SELECT count(*) FROM (SELECT l.buyer_id o " + LOTS
                + " UNION SELECT b.bidder_id FROM analytics_bid b WHERE b.published_at >= :from AND b.published_at < :to"
                + " AND (CAST(:category AS TEXT) IS NULL OR b.category_code LIKE :category || '%')"
                + " AND (CAST(:buyer AS UUID) IS NULL OR b.buyer_id = :buyer)) o"), f)
                .query(Long.class).single();
    }

    /** The category codes the filter's lots use, most used first (the category filter's choices). */
    List<String> categories(Filter f, int limit) {
        return params(jdbc.sql("SELECT l.category_code " + LOTS
                + " GROUP BY l.category_code ORDER BY count(*) DESC, l.category_code LIMIT :limit"), f)
                .param("limit", limit).query(String.class).list();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("from", Timestamp.from(f.start())).param("to", Timestamp.from(f.end()))
                .param("category", f.category()).param("buyer", f.buyer());
    }

    private static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
