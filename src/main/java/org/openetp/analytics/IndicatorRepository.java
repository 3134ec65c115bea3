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

    /**
     * Counts over the lots of a filter; the rates are formed from them by {@link Indicators}. {@code bidRows} and
     * {@code smeBids} are {@link #bids}'s, read in the same statement (one statement less per dashboard).
     */
    record LotCounts(long procedures, long lots, long openedLots, long openedBids, long rejectedBids, long awarded,
            long singleBidder, long priceOnly, long nonCompetitive, long cancelled, long finished, long contracted,
            long shortPeriod, long winnersSme, @Nullable Double decisionDays, @Nullable Double cycleDays,
            long bidRows, long smeBids) {
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

    /** Bids counted over opened bids: all, and from SME bidders. */
    record BidCounts(long bids, long smeBids) {
    }

    private static final String WHERE = " WHERE l.published_at >= :from AND l.published_at < :to"
            + " AND (CAST(:category AS TEXT) IS NULL OR l.category_code LIKE :category || '%')"
            + " AND (CAST(:buyer AS UUID) IS NULL OR l.buyer_id = :buyer)";
    static final String LOTS = " FROM analytics_lot l JOIN analytics_threshold t ON t.kind = l.kind" + WHERE;

    private static final String OPENED = "l.opened_at IS NOT NULL AND l.status <> 'CANCELLED'";

    private final JdbcClient jdbc;
    private final PlatformPeriods platform;

    IndicatorRepository(JdbcClient jdbc, PlatformPeriods platform) {
        this.jdbc = jdbc;
        this.platform = platform;
    }

    /**
     * The lot counts from the daily totals; with a category, the procedures are counted from the lot rows (a
     * procedure with lots in two categories of the subtree is one procedure, which sums cannot tell).
     */
    LotCounts counts(Filter f) {
        LotCounts c = totals(jdbc.sql("SELECT coalesce(sum(d.procedures), 0) procedures,"
                + " coalesce(sum(d.lots), 0) lots, coalesce(sum(d.opened_lots), 0) opened_lots,"
                + " coalesce(sum(d.opened_bids), 0) opened_bids, coalesce(sum(d.rejected_bids), 0) rejected_bids,"
                + " coalesce(sum(d.awarded), 0) awarded, coalesce(sum(d.single_bidder), 0) single_bidder,"
                + " coalesce(sum(d.price_only), 0) price_only, coalesce(sum(d.non_competitive), 0) non_competitive,"
                + " coalesce(sum(d.cancelled), 0) cancelled, coalesce(sum(d.finished), 0) finished,"
                + " coalesce(sum(d.contracted), 0) contracted, coalesce(sum(d.short_period), 0) short_period,"
                + " coalesce(sum(d.winners_sme), 0) winners_sme,"
                + " sum(d.decision_days) / nullif(sum(d.decided), 0) decision_days,"
                + " sum(d.cycle_days) / nullif(sum(d.cycled), 0) cycle_days,"
                + " coalesce(sum(d.bid_rows), 0) bid_rows, coalesce(sum(d.sme_bids), 0) sme_bids " + from(f)), f)
                .query((rs, n) -> new LotCounts(rs.getLong("procedures"), rs.getLong("lots"),
                        rs.getLong("opened_lots"), rs.getLong("opened_bids"), rs.getLong("rejected_bids"),
                        rs.getLong("awarded"), rs.getLong("single_bidder"), rs.getLong("price_only"),
                        rs.getLong("non_competitive"), rs.getLong("cancelled"), rs.getLong("finished"),
                        rs.getLong("contracted"), rs.getLong("short_period"), rs.getLong("winners_sme"),
                        nullableDouble(rs, "decision_days"), nullableDouble(rs, "cycle_days"),
                        rs.getLong("bid_rows"), rs.getLong("sme_bids")))
                .single();
        if (f.category() == null) {
            return c;
        }
        long procedures = params(jdbc.sql("SELECT count(DISTINCT l.procedure_id) FROM analytics_lot l" + WHERE), f)
                .query(Long.class).single();
        return new LotCounts(procedures, c.lots(), c.openedLots(), c.openedBids(), c.rejectedBids(), c.awarded(),
                c.singleBidder(), c.priceOnly(), c.nonCompetitive(), c.cancelled(), c.finished(), c.contracted(),
                c.shortPeriod(), c.winnersSme(), c.decisionDays(), c.cycleDays(), c.bidRows(), c.smeBids());
    }

    List<CurrencySums> currencies(Filter f) {
        return totals(jdbc.sql("SELECT d.currency, sum(d.awarded_start) awarded_start, sum(d.awarded_value) awarded,"
                + " sum(d.gain) gain, sum(d.volume) volume, sum(d.opened_value) opened_value,"
                + " sum(d.non_competitive_value) non_competitive " + from(f)
                + " GROUP BY d.currency ORDER BY d.currency"), f)
                .query((rs, n) -> new CurrencySums(rs.getString("currency").strip(), rs.getBigDecimal("awarded_start"),
                        rs.getBigDecimal("awarded"), rs.getBigDecimal("gain"), rs.getBigDecimal("volume"),
                        rs.getBigDecimal("opened_value"), rs.getBigDecimal("non_competitive")))
                .list();
    }

    /** Over awarded lots with a price: the organizer's gain, the award under the start (over it in a sale). */
    static final String AWARDED = "l.status = 'AWARDED' AND l.award_price IS NOT NULL";
    static final String GAIN = "CASE WHEN l.sellers THEN l.award_price - l.start_price"
            + " ELSE l.start_price - l.award_price END";

    /**
     * Procedures per day: the platform's from its kept day counts, a buyer's from its day rows, or with a category
     * from the lot rows (as {@link #counts}).
     */
    List<DayCount> proceduresPerDay(Filter f) {
        if (f.category() == null && f.buyer() == null) {
            return platform.proceduresPerDay(f);
        }
        if (f.category() != null) {
            return params(jdbc.sql("SELECT date_trunc('day', l.published_at AT TIME ZONE 'UTC') d,"
                    + " count(DISTINCT l.procedure_id) c FROM analytics_lot l" + WHERE + " GROUP BY d ORDER BY d"), f)
                    .query((rs, n) -> new DayCount(rs.getTimestamp("d").toLocalDateTime().toLocalDate(),
                            rs.getLong("c")))
                    .list();
        }
        return totals(jdbc.sql("SELECT d.day, sum(d.procedures) c FROM analytics_daily d"
                + " WHERE d.buyer_id = :buyer AND NOT d.monthly AND d.day >= :fromDay AND d.day <= :toDay"
                + " GROUP BY d.day ORDER BY d.day"), f)
                .query((rs, n) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getLong("c")))
                .list();
    }

    List<MonthSavings> savingsPerMonth(Filter f) {
        return totals(jdbc.sql("SELECT CAST(date_trunc('month', d.day) AS DATE) m, d.currency,"
                + " sum(d.awarded_start) s, sum(d.awarded_value) a, sum(d.gain) g " + from(f)
                + " AND d.awarded_priced > 0 GROUP BY m, d.currency ORDER BY m, d.currency"), f)
                .query((rs, n) -> new MonthSavings(rs.getObject("m", LocalDate.class),
                        rs.getString("currency").strip(), rs.getBigDecimal("s"), rs.getBigDecimal("a"),
                        rs.getBigDecimal("g")))
                .list();
    }

    List<CategorySums> topCategories(Filter f, int limit) {
        return totals(jdbc.sql("SELECT d.category_code, d.currency, sum(d.lots) lots, sum(d.awarded_priced) awarded,"
                + " sum(d.volume) s, sum(d.awarded_value) a, sum(d.gain) g " + TOTALS
                + " GROUP BY d.category_code, d.currency ORDER BY lots DESC, s DESC, d.category_code LIMIT :limit"), f)
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

    /** Opened bids on the filter's lots: how many, how many from SMEs . */
    BidCounts bids(Filter f) {
        return totals(jdbc.sql("SELECT coalesce(sum(d.bid_rows), 0) bids, coalesce(sum(d.sme_bids), 0) sme "
                + from(f)), f)
                .query((rs, n) -> new BidCounts(rs.getLong("bids"), rs.getLong("sme"))).single();
    }

    /**
     * Organizations that published or bid on the filter's lots. A distinct count does not sum: the platform's (no
     * category) unites its kept sets per month and day; a category's or a buyer's reads the buyers of the period's
     * day rows (a row per buyer and day, not per lot) with their bidders.
     */
    long organizations(Filter f) {
        if (f.category() == null && f.buyer() == null) {
            return platform.organizations(f);
        }
        return totals(jdbc.sql("SELECT count(*) FROM (SELECT d.buyer_id o FROM analytics_daily d"
                + " WHERE d.buyer_id <> :platform AND NOT d.monthly AND d.day >= :fromDay AND d.day <= :toDay"
                + " AND (CAST(:buyerOrNull AS UUID) IS NULL OR d.buyer_id = :buyerOrNull)"
                + " AND (CAST(:category AS TEXT) IS NULL OR d.category_code LIKE :category || '%')"
                + " UNION SELECT b.bidder_id FROM analytics_bid b WHERE b.published_at >= :from AND b.published_at < :to"
                + " AND (CAST(:category AS TEXT) IS NULL OR b.category_code LIKE :category || '%')"
                + " AND (CAST(:buyerOrNull AS UUID) IS NULL OR b.buyer_id = :buyerOrNull)) o"), f)
                .param("platform", DailyTotals.PLATFORM).query(Long.class).single();
    }

    /** The category codes the filter's lots use, most used first (the category filter's choices). */
    List<String> categories(Filter f, int limit) {
        return totals(jdbc.sql("SELECT d.category_code " + TOTALS
                + " GROUP BY d.category_code ORDER BY sum(d.lots) DESC, d.category_code LIMIT :limit"), f)
                .param("limit", limit).query(String.class).list();
    }

    /**
     * The filter's rows of the daily totals: the day rows of the period's ragged ends and the month rows of the whole
     * months between them, of the buyer (the platform's rows without one), of the category's subtree when given.
     */
    static final String TOTALS = " FROM analytics_daily d WHERE d.buyer_id = :buyer AND ((NOT d.monthly AND"
            + " ((d.day >= :fromDay AND d.day < :monthsFrom) OR (d.day >= :monthsTo AND d.day <= :toDay)))"
            + " OR (d.monthly AND d.day >= :monthsFrom AND d.day < :monthsTo))"
            + " AND (CAST(:category AS TEXT) IS NULL OR d.category_code LIKE :category || '%')";

    /**
     * The platform's rows rolled up over every category (kept by {@link DailyTotals}), selected as {@link #TOTALS}
     * selects a buyer's: what the platform's figures without a category filter sum, a few hundred rows over three
     * years where its category rows are thousands.
     */
    static final String PLATFORM_TOTALS = " FROM analytics_platform_total d WHERE ((NOT d.monthly AND"
            + " ((d.day >= :fromDay AND d.day < :monthsFrom) OR (d.day >= :monthsTo AND d.day <= :toDay)))"
            + " OR (d.monthly AND d.day >= :monthsFrom AND d.day < :monthsTo))";

    /** Where a filter's summable figures come from: the rolled-up platform rows, or the category rows. */
    static String from(Filter f) {
        return f.buyer() == null && f.category() == null ? PLATFORM_TOTALS : TOTALS;
    }

    static JdbcClient.StatementSpec totals(JdbcClient.StatementSpec sql, Filter f) {
        LocalDate monthsFrom = f.from().getDayOfMonth() == 1 ? f.from() : f.from().withDayOfMonth(1).plusMonths(1);
        LocalDate after = f.to().plusDays(1);
        LocalDate monthsTo = after.getDayOfMonth() == 1 ? after : after.withDayOfMonth(1);
        if (!monthsFrom.isBefore(monthsTo)) {
            monthsFrom = after;
            monthsTo = after;
        }
        return params(sql, f).param("buyer", f.buyer() == null ? DailyTotals.PLATFORM : f.buyer())
                .param("buyerOrNull", f.buyer()).param("fromDay", f.from()).param("toDay", f.to())
                .param("monthsFrom", monthsFrom).param("monthsTo", monthsTo);
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
