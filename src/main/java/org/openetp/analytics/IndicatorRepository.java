package org.openetp.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indicators' aggregates over the read model (definitions in docs/indicators.md). Every query takes the lots of
 * a {@link Filter}: procedures published in the period, the category's subtree, one buyer or the platform.
 */
@Repository
class IndicatorRepository {

    /** Counts over the lots of a filter; the rates are formed from them by {@link Indicators}. */
    record LotCounts(long procedures, long lots, long openedLots, long openedBids, long rejectedBids, long awarded,
            long singleBidder, long priceOnly, long nonCompetitive, long cancelled, long finished, long contracted,
            long shortPeriod, long winnersSme, @Nullable Double decisionDays, @Nullable Double cycleDays) {
    }

    /** Money per currency: over awarded lots the start, award and gain; over all lots the volume; non-competitive. */
    record CurrencySums(String currency, BigDecimal awardedStart, BigDecimal awarded, BigDecimal gain,
            BigDecimal volume, BigDecimal openedValue, BigDecimal nonCompetitiveValue) {
    }

    /** A day's count of published procedures. */
    record DayCount(LocalDate date, long count) {
    }

    /** Savings of a month in one currency. */
    record MonthSavings(LocalDate month, String currency, BigDecimal start, BigDecimal awarded, BigDecimal gain) {
    }

    /** A category's lots and awarded sums in one currency. */
    record CategorySums(String category, String currency, long lots, long awarded, BigDecimal start,
            BigDecimal awardedValue, BigDecimal gain) {
    }

    /** An organization's awarded lots and value in one currency. */
    record OrganizationSums(UUID organization, String currency, long lots, BigDecimal value) {
    }

    /** An awarded procedure's sums in one currency (savings per procedure). */
    record ProcedureSums(UUID procedure, String title, String currency, @Nullable LocalDate decided, BigDecimal start,
            BigDecimal awarded, BigDecimal gain, boolean demo) {
    }

    /** Bids counted over opened bids: all, from SME bidders, distinct bidders. */
    record BidCounts(long bids, long smeBids, long bidders) {
    }

    private static final String WHERE = " WHERE l.published_at >= :from AND l.published_at < :to"
            + " AND (CAST(:category AS TEXT) IS NULL OR l.category_code LIKE :category || '%')"
            + " AND (CAST(:buyer AS UUID) IS NULL OR l.buyer_id = :buyer)";
    static final String LOTS = " FROM analytics_lot l JOIN analytics_threshold t ON t.kind = l.kind" + WHERE;

    private static final String OPENED = "l.opened_at IS NOT NULL AND l.status <> 'CANCELLED'";

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
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
                        nullableDouble(rs, "decision_days"), nullableDouble(rs, "cycle_days")))
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
    static final String AWARDED = "l.status = 'AWARDED' AND l.award_price IS NOT NULL";
    static final String GAIN = "CASE WHEN l.sellers THEN l.award_price - l.start_price"
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

    /** The filter's awarded procedures, the most recently decided first, with their sums per currency. */
    List<ProcedureSums> savingsPerProcedure(Filter f, int limit) {
        return params(jdbc.sql("SELECT l.procedure_id, max(l.title) title, l.currency, max(l.decided_at) decided,"
                + " sum(l.start_price) s, sum(l.award_price) a, sum(" + GAIN + ") g, bool_or(l.demo) demo " + LOTS
                + " AND " + AWARDED + " GROUP BY l.procedure_id, l.currency"
                + " ORDER BY decided DESC NULLS LAST, l.procedure_id LIMIT :limit"), f)
                .param("limit", limit)
                .query((rs, n) -> {
                    Timestamp decided = rs.getTimestamp("decided");
                    return new ProcedureSums(rs.getObject("procedure_id", UUID.class), rs.getString("title"),
                            rs.getString("currency").strip(), decided == null ? null
                                    : decided.toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                            rs.getBigDecimal("s"), rs.getBigDecimal("a"), rs.getBigDecimal("g"),
                            rs.getBoolean("demo"));
                })
                .list();
    }

    /** The titles of procedures the read model holds (the red-flag lists name what they list). */
    Map<UUID, String> titles(Collection<UUID> procedures) {
        Map<UUID, String> titles = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (procedure_id) procedure_id, title FROM analytics_lot"
                + " WHERE procedure_id = ANY(:ids) ORDER BY procedure_id, lot_number")
                .param("ids", procedures.toArray(UUID[]::new))
                .query((rs, n) -> titles.put(rs.getObject("procedure_id", UUID.class), rs.getString("title")))
                .list();
        return titles;
    }

    /** The winners by awarded value, largest first (supplier concentration of a buyer). */
    List<OrganizationSums> winners(Filter f, int limit) {
        return params(jdbc.sql("SELECT l.winner_id, l.currency, count(*) lots, sum(l.award_price) v " + LOTS
                + " AND " + AWARDED + " AND l.winner_id IS NOT NULL GROUP BY l.winner_id, l.currency"
                + " ORDER BY v DESC, l.winner_id LIMIT :limit"), f)
                .param("limit", limit)
                .query((rs, n) -> new OrganizationSums(rs.getObject("winner_id", UUID.class),
                        rs.getString("currency").strip(), rs.getLong("lots"), rs.getBigDecimal("v")))
                .list();
    }

    /** Opened bids on the filter's lots: how many, how many from SMEs, how many bidders. */
    BidCounts bids(Filter f) {
        return params(jdbc.sql("SELECT count(b.bid_id) bids, count(b.bid_id) FILTER (WHERE b.sme) sme,"
                + " count(DISTINCT b.bidder_id) bidders FROM analytics_bid b JOIN analytics_lot l ON l.lot_id = b.lot_id"
                + WHERE
                + " AND " + OPENED), f)
                .query((rs, n) -> new BidCounts(rs.getLong("bids"), rs.getLong("sme"), rs.getLong("bidders")))
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

    static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("from", Timestamp.from(f.start())).param("to", Timestamp.from(f.end()))
                .param("category", f.category()).param("buyer", f.buyer());
    }

    static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
