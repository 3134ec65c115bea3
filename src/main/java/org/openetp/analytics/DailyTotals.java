package org.openetp.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps {@code analytics_daily}: the read model's lot rows summed per buyer, day, category and currency, the same for
 * the platform under {@link #PLATFORM}, and per month from the day rows; the platform's rows also rolled up over every
 * category into {@code analytics_platform_total}. A write of lot rows recomputes the days it
 * touched (every buyer of those days, from their lot rows) and the touched buyers' and the platform's months (from the
 * day rows): recomputing, never adding, so a retried listener or a rebuild cannot count anything twice. The writers of
 * one day (one month of one buyer) are serialized by an advisory lock, taken in a fixed order.
 */
@Repository
class DailyTotals {

    /** The buyer under which the platform's totals are kept. */
    static final UUID PLATFORM = new UUID(0, 0);

    /** A lot row written or removed: its buyer and day of publication (UTC). */
    record Touch(UUID buyer, LocalDate day) {
    }

    static final String COLUMNS = "procedures, lots, opened_lots, opened_bids, rejected_bids, bid_rows,"
            + " sme_bids, awarded, awarded_priced, single_bidder, price_only, non_competitive, cancelled, finished,"
            + " contracted, short_period, winners_sme, decided, decision_days, cycled, cycle_days, awarded_start,"
            + " awarded_value, gain, volume, opened_value, non_competitive_value";
    private static final String OPENED = "l.opened_at IS NOT NULL AND l.status <> 'CANCELLED'";
    /** Each indicator's per-lot term exactly as IndicatorRepository counted it over lot rows (docs/indicators.md). */
    private static final String SUMS = "count(*) FILTER (WHERE l.first_lot), count(*),"
            + " count(*) FILTER (WHERE " + OPENED + "),"
            + " coalesce(sum(l.bids) FILTER (WHERE " + OPENED + "), 0),"
            + " coalesce(sum(l.rejected) FILTER (WHERE " + OPENED + "), 0),"
            + " coalesce(sum(b.n) FILTER (WHERE " + OPENED + "), 0),"
            + " coalesce(sum(b.sme) FILTER (WHERE " + OPENED + "), 0),"
            + " count(*) FILTER (WHERE l.status = 'AWARDED'),"
            + " count(*) FILTER (WHERE " + IndicatorRepository.AWARDED + "),"
            + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.bids = 1),"
            + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.price_only),"
            + " count(*) FILTER (WHERE " + OPENED + " AND (l.by_invitation OR l.bids = 1)),"
            + " count(*) FILTER (WHERE l.status = 'CANCELLED'),"
            + " count(*) FILTER (WHERE l.status <> 'OPEN'),"
            + " count(*) FILTER (WHERE l.contract_at IS NOT NULL),"
            + " count(*) FILTER (WHERE l.submission_deadline - l.published_at < t.min_days * INTERVAL '1 day'),"
            + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.winner_sme),"
            + " count(*) FILTER (WHERE l.status = 'AWARDED' AND l.decided_at IS NOT NULL),"
            + " coalesce(sum(extract(epoch FROM l.decided_at - l.submission_deadline) / 86400)"
            + " FILTER (WHERE l.status = 'AWARDED' AND l.decided_at IS NOT NULL), 0),"
            + " count(*) FILTER (WHERE l.contract_at IS NOT NULL),"
            + " coalesce(sum(extract(epoch FROM l.contract_at - l.published_at) / 86400)"
            + " FILTER (WHERE l.contract_at IS NOT NULL), 0),"
            + " coalesce(sum(l.start_price) FILTER (WHERE " + IndicatorRepository.AWARDED + "), 0),"
            + " coalesce(sum(l.award_price) FILTER (WHERE " + IndicatorRepository.AWARDED + "), 0),"
            + " coalesce(sum(" + IndicatorRepository.GAIN + ") FILTER (WHERE " + IndicatorRepository.AWARDED
            + "), 0),"
            + " sum(l.start_price),"
            + " coalesce(sum(l.start_price) FILTER (WHERE " + OPENED + "), 0),"
            + " coalesce(sum(l.start_price) FILTER (WHERE " + OPENED + " AND (l.by_invitation OR l.bids = 1)), 0)";
    /** The day rows of a period of lot rows, per buyer and for the platform, in one pass. */
    private static final String DAYS = "INSERT INTO analytics_daily (buyer_id, monthly, day, category_code, currency, "
            + COLUMNS + ") SELECT CASE WHEN GROUPING(l.buyer_id) = 1 THEN CAST(:platform AS UUID) ELSE l.buyer_id END,"
            + " FALSE, l.day, l.category_code, l.currency, " + SUMS
            + " FROM (SELECT x.*, CAST(x.published_at AT TIME ZONE 'UTC' AS DATE) AS day,"
            + " x.lot_number = min(x.lot_number) OVER (PARTITION BY x.procedure_id) AS first_lot"
            + " FROM analytics_lot x WHERE x.published_at >= :from AND x.published_at < :to) l"
            + " JOIN analytics_threshold t ON t.kind = l.kind"
            + " LEFT JOIN (SELECT lot_id, count(*) n, count(*) FILTER (WHERE sme) sme FROM analytics_bid"
            + " WHERE published_at >= :from AND published_at < :to GROUP BY lot_id) b ON b.lot_id = l.lot_id"
            + " GROUP BY GROUPING SETS ((l.buyer_id, l.day, l.category_code, l.currency),"
            + " (l.day, l.category_code, l.currency))";

    /** The platform's rows over every category from its category rows (conditions and grouping appended). */
    private static final String ROLL_UP = "INSERT INTO analytics_platform_total (monthly, day, currency, " + COLUMNS
            + ") SELECT monthly, day, currency, " + sums() + " FROM analytics_daily WHERE buyer_id = :platform";

    private final JdbcClient jdbc;
    private final PlatformPeriods periods;

    DailyTotals(JdbcClient jdbc, PlatformPeriods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /** Recomputes the days and months the written or removed lot rows belong to, in the caller's transaction. */
    void recompute(Collection<Touch> touched) {
        if (touched.isEmpty()) {
            return;
        }
        // The table lock first: a full recompute (EXCLUSIVE) then waits for this writer, never the other way round.
        jdbc.sql("LOCK TABLE analytics_daily IN ROW EXCLUSIVE MODE").update();
        SortedSet<LocalDate> days = new TreeSet<>();
        SortedSet<String> months = new TreeSet<>();
        for (Touch t : touched) {
            days.add(t.day());
            months.add(t.buyer() + "/" + t.day().withDayOfMonth(1));
            months.add(PLATFORM + "/" + t.day().withDayOfMonth(1));
        }
        days.forEach(d -> lock("analytics-day:" + d));
        months.forEach(m -> lock("analytics-month:" + m));
        for (LocalDate day : days) {
            jdbc.sql("DELETE FROM analytics_daily WHERE NOT monthly AND day = :day").param("day", day).update();
            jdbc.sql(DAYS).param("platform", PLATFORM).param("from", ts(day)).param("to", ts(day.plusDays(1)))
                    .update();
        }
        periods.recompute(days);
        for (LocalDate day : days) {
            rollUp("NOT monthly AND day = :day", day);
        }
        for (String key : months) {
            UUID buyer = UUID.fromString(key.substring(0, key.indexOf('/')));
            LocalDate month = LocalDate.parse(key.substring(key.indexOf('/') + 1));
            jdbc.sql("DELETE FROM analytics_daily WHERE buyer_id = :b AND monthly AND day = :m").param("b", buyer)
                    .param("m", month).update();
            jdbc.sql(months("WHERE buyer_id = :b AND NOT monthly AND day >= :m AND day < :next")).param("b", buyer)
                    .param("m", month).param("next", month.plusMonths(1)).update();
            if (buyer.equals(PLATFORM)) {
                rollUp("monthly AND day = :day", month);
            }
        }
    }

    /**
     * Recomputes the platform's rows over every category ({@code analytics_platform_total}) that the condition
     * selects, from the platform's category rows of the same days: the platform dashboard without a category filter
     * reads these (a few hundred rows over three years instead of thousands). Called under the locks of those rows.
     */
    private void rollUp(String where, LocalDate day) {
        jdbc.sql("DELETE FROM analytics_platform_total WHERE " + where).param("day", day).update();
        jdbc.sql(ROLL_UP + " AND " + where + " GROUP BY monthly, day, currency").param("platform", PLATFORM)
                .param("day", day).update();
    }

    /**
     * Recomputes every row from the lot rows (after a rebuild, on a changed threshold, on the first start with
     * totals). Writers wait meanwhile; readers see the previous totals until it commits.
     */
    void recomputeAll() {
        jdbc.sql("LOCK TABLE analytics_daily IN EXCLUSIVE MODE").update();
        jdbc.sql("DELETE FROM analytics_daily").update();
        jdbc.sql(DAYS).param("platform", PLATFORM).param("from", Timestamp.from(Instant.parse("0001-01-01T00:00:00Z")))
                .param("to", Timestamp.from(Instant.parse("9999-01-01T00:00:00Z"))).update();
        jdbc.sql(months("WHERE NOT monthly")).update();
        jdbc.sql("DELETE FROM analytics_platform_total").update();
        jdbc.sql(ROLL_UP + " GROUP BY monthly, day, currency").param("platform", PLATFORM).update();
        periods.recomputeAll();
    }

    /** Whether the totals were computed from every lot row once (the first start after they existed). */
    boolean built() {
        return jdbc.sql("SELECT count(*) FROM analytics_build WHERE totals_at IS NOT NULL").query(Long.class)
                .single() > 0;
    }

    void markBuilt(Instant at) {
        jdbc.sql("""
                INSERT INTO analytics_build (id, totals_at) VALUES (1, :at)
                ON CONFLICT (id) DO UPDATE SET totals_at = EXCLUDED.totals_at""")
                .param("at", Timestamp.from(at)).update();
    }

    /** The month rows summed from the day rows the condition selects. */
    private static String months(String where) {
        return "INSERT INTO analytics_daily (buyer_id, monthly, day, category_code, currency, " + COLUMNS + ")"
                + " SELECT buyer_id, TRUE, CAST(date_trunc('month', day) AS DATE) m, category_code, currency, "
                + sums() + " FROM analytics_daily " + where + " GROUP BY buyer_id, m, category_code, currency";
    }

    /** Every column summed, in {@link #COLUMNS}' order. */
    private static String sums() {
        StringBuilder sums = new StringBuilder();
        for (String column : List.of(COLUMNS.split(",\\s*"))) {
            sums.append(sums.isEmpty() ? "" : ", ").append("sum(").append(column).append(")");
        }
        return sums.toString();
    }

    private void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key)
                .query((rs, n) -> 1).list();
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Timestamp ts(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
